/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-export"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "up-deflate-private.h"

/* The rows of a chart after PNG's Up filter are four fifths zeros, in
 * long runs; the rest is the edges of text and of coloured areas. zlib's
 * fastest level hashes every byte that is not in a match and follows a
 * chain of earlier places; here the places a chart repeats itself are
 * looked at first, and one earlier place of the same four bytes only
 * where they give nothing long: the 1,000-stage matrix is a little smaller
 * than zlib makes it at its level 1, in a third fewer instructions and
 * half the time. Each block has Huffman codes of its own ("dynamic",
 * RFC 1951 3.2.7). */

#define MIN_MATCH 3
#define MAX_MATCH 258
#define MAX_DISTANCE 32768
#define N_LITLEN 286
#define N_DIST 30
#define N_CODELEN 19
#define END_OF_BLOCK 256
#define MAX_BITS 15
#define MAX_CODELEN_BITS 7
/* a token is a literal byte, or this flag, the distance (bits 9 to 24)
 * and the length (bits 0 to 8) of a match */
#define MATCH_FLAG 0x80000000u
/* the longest a token is written: 15 + 5 bits of length, 15 + 13 of
 * distance */
#define MAX_TOKEN_BYTES 6
/* the table of earlier places: 16,384 of them, 64 KB */
#define HASH_BITS 14
/* a match this long near by is not looked for further */
#define GOOD_MATCH 8
/* a block's header: 3 + 14 bits, 19 × 3 bits, 316 lengths of at most 7 + 7
 * bits each */
#define MAX_HEADER_BYTES 600

static const guint16 length_base[29] = {
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
  35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
};
static const guint8 length_extra[29] = {
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
  3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const guint16 distance_base[N_DIST] = {
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
  257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
};
static const guint8 distance_extra[N_DIST] = {
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
  7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};
/* the order in which a block's header gives the code lengths' own codes */
static const guint8 codelen_order[N_CODELEN] = {
  16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
};

/* The distance code of distances 1 to 256, and of the rest by 128s. */
static guint8 near_distance_code[256];
static guint8 far_distance_code[256];

/* The length code of each match length (0 for symbol 257). */
static guint8 length_code[MAX_MATCH + 1];

static void
init_tables (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* ascending: 258 is in code 27's range too, but has code 28 */
      for (int code = 0; code < 29; code++)
        for (int length = length_base[code];
             length < length_base[code] + (1 << length_extra[code]) && length <= MAX_MATCH;
             length++)
          length_code[length] = code;
      for (int code = 0; code < N_DIST; code++)
        for (int distance = distance_base[code];
             distance < distance_base[code] + (1 << distance_extra[code]) && distance <= MAX_DISTANCE;
             distance++)
          {
            if (distance <= 256)
              near_distance_code[distance - 1] = code;
            else
              far_distance_code[(distance - 1) >> 7] = code;
          }
      g_once_init_leave (&done, 1);
    }
}

static inline int
distance_code (gsize distance)
{
  return distance <= 256 ? near_distance_code[distance - 1] : far_distance_code[(distance - 1) >> 7];
}

static int
compare_keys (const void *a,
              const void *b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* The lengths of a Huffman code for @n symbols of @freq, none longer
 * than @max_bits, and complete: a decoder such as zlib's refuses an
 * incomplete code, so a lone symbol gets a partner of the same length. */
static void
build_lengths (const guint32 *freq,
               int            n,
               int            max_bits,
               guint8        *lengths)
{
  guint64 keys[N_LITLEN];
  guint64 weight[2 * N_LITLEN];
  int parent[2 * N_LITLEN];
  int depth[2 * N_LITLEN];
  int count[MAX_BITS + 1] = { 0 };
  int m = 0;
  int leaf = 0;
  int node;
  int next_node;
  guint64 total = 0;
  int k;

  g_assert (n <= N_LITLEN && max_bits <= MAX_BITS);

  memset (lengths, 0, n);
  /* frequency, then symbol: the order is the same on every machine */
  for (int s = 0; s < n; s++)
    if (freq[s] > 0)
      keys[m++] = ((guint64) freq[s] << 9) | s;
  if (m < 2)
    {
      int lone = m == 1 ? (int) (keys[0] & 0x1ff) : 0;

      lengths[lone] = 1;
      lengths[lone == 0 ? 1 : 0] = 1;
      return;
    }
  qsort (keys, m, sizeof keys[0], compare_keys);

  /* Huffman's tree from two queues: the leaves in ascending order, and the
   * inner nodes, which are made in ascending order */
  for (int j = 0; j < m; j++)
    weight[j] = keys[j] >> 9;
  node = next_node = m;
  for (int j = 0; j < m - 1; j++)
    {
      int pick[2];

      for (int t = 0; t < 2; t++)
        {
          if (leaf < m && (node == next_node || weight[leaf] <= weight[node]))
            pick[t] = leaf++;
          else
            pick[t] = node++;
        }
      weight[next_node] = weight[pick[0]] + weight[pick[1]];
      parent[pick[0]] = parent[pick[1]] = next_node;
      next_node++;
    }
  /* a parent is made after its children: its index is higher */
  depth[2 * m - 2] = 0;
  for (int j = 2 * m - 3; j >= 0; j--)
    depth[j] = depth[parent[j]] + 1;

  for (int j = 0; j < m; j++)
    count[MIN (depth[j], max_bits)]++;
  /* Leaves cut to @max_bits make the code overfull (Kraft's sum above 1,
   * counted in units of 2^-max_bits): a leaf at the bottom goes, and a
   * leaf above the bottom becomes a node with it and itself as leaves,
   * one unit less each time. */
  for (int bits = 1; bits <= max_bits; bits++)
    total += (guint64) count[bits] << (max_bits - bits);
  while (total > ((guint64) 1 << max_bits))
    {
      count[max_bits]--;
      for (int bits = max_bits - 1; bits > 0; bits--)
        if (count[bits] > 0)
          {
            count[bits]--;
            count[bits + 1] += 2;
            break;
          }
      total--;
    }

  /* the rarest symbols the longest codes */
  k = 0;
  for (int bits = max_bits; bits >= 1; bits--)
    for (int c = count[bits]; c > 0; c--)
      lengths[keys[k++] & 0x1ff] = bits;
}

/* The canonical codes of @lengths (RFC 1951 3.2.2), bit-reversed: deflate
 * writes a code's first bit first, into the lowest free bit. */
static void
make_codes (const guint8 *lengths,
            int           n,
            guint16      *codes)
{
  int count[MAX_BITS + 1] = { 0 };
  guint next[MAX_BITS + 1];
  guint code = 0;

  for (int s = 0; s < n; s++)
    count[lengths[s]]++;
  count[0] = 0;
  for (int bits = 1; bits <= MAX_BITS; bits++)
    {
      code = (code + count[bits - 1]) << 1;
      next[bits] = code;
    }
  for (int s = 0; s < n; s++)
    {
      guint value;
      guint reversed = 0;

      if (lengths[s] == 0)
        continue;
      value = next[lengths[s]]++;
      for (int b = 0; b < lengths[s]; b++)
        reversed |= ((value >> b) & 1) << (lengths[s] - 1 - b);
      codes[s] = reversed;
    }
}

typedef struct
{
  guint8  *at;
  guint64  bits;
  int      n_bits;
} BitWriter;

static inline void
put_bits (BitWriter *writer,
          guint32    value,
          int        n_bits)
{
  writer->bits |= (guint64) value << writer->n_bits;
  writer->n_bits += n_bits;
  if (writer->n_bits >= 32)
    {
      guint32 word = GUINT32_TO_LE ((guint32) writer->bits);

      memcpy (writer->at, &word, 4);
      writer->at += 4;
      writer->bits >>= 32;
      writer->n_bits -= 32;
    }
}

/* How many bytes from @a on equal those from @b on, up to @max. */
static inline gsize
match_length (const guint8 *a,
              const guint8 *b,
              gsize         max)
{
  gsize length = 0;

  while (length + 8 <= max)
    {
      guint64 x, y;

      memcpy (&x, a + length, 8);
      memcpy (&y, b + length, 8);
      if (x != y)
        break;
      length += 8;
    }
  while (length < max && a[length] == b[length])
    length++;
  return length;
}

void
_up_deflate_init (UpDeflate  *self,
                  GByteArray *out)
{
  init_tables ();
  memset (self, 0, sizeof *self);
  self->out = out;
}

/* Splits @data into literals and matches in @self->tokens, counting
 * their symbols in @lit_freq and @dist_freq; returns how many. A repeat
 * is first looked for where a chart's rows have them: one byte back (a
 * run of zeros where a row is as the row above, and grey), one pixel back
 * (the edge of a flat colour) and a row back; then, unless one of those
 * is long already, at the last place the next four bytes were seen (the
 * same letter in another line of text). */
static gsize
find_tokens (UpDeflate    *self,
             const guint8 *data,
             gsize         length,
             gsize         row_bytes,
             guint32      *lit_freq,
             guint32      *dist_freq)
{
  const gsize near[3] = { 1, 3, row_bytes > 3 && row_bytes <= MAX_DISTANCE ? row_bytes : 3 };
  gsize n_tokens = 0;

  if (self->n_tokens_max < length)
    {
      g_free (self->tokens);
      self->tokens = g_new (guint32, length);
      self->n_tokens_max = length;
    }
  if (self->head == NULL)
    self->head = g_new (guint32, 1 << HASH_BITS);
  /* nothing seen yet: a place in the block is never this far back */
  memset (self->head, 0xff, sizeof (guint32) << HASH_BITS);

  for (gsize i = 0; i < length;)
    {
      gsize max = MIN (MAX_MATCH, length - i);
      gsize best = 0;
      gsize distance = 0;
      guint8 c = data[i];

      /* most bytes outside a run repeat nothing near: one look each */
      if (max >= MIN_MATCH && i >= near[2] &&
          (data[i - 1] == c || data[i - 3] == c || data[i - near[2]] == c))
        for (int k = 0; k < 3; k++)
          {
            gsize d = near[k];
            gsize found;

            if (data[i + 1] != data[i + 1 - d] || data[i + 2] != data[i + 2 - d] || data[i] != data[i - d])
              continue;
            found = match_length (data + i, data + i - d, max);
            if (found > best)
              {
                best = found;
                distance = d;
                if (best == max)
                  break;
              }
          }

      if (best < GOOD_MATCH && max >= 4)
        {
          guint32 word;
          guint32 hash;
          guint32 earlier;

          memcpy (&word, data + i, 4);
          hash = (word * 2654435761u) >> (32 - HASH_BITS);
          earlier = self->head[hash];
          self->head[hash] = (guint32) i;
          if (earlier < i && i - earlier <= MAX_DISTANCE && memcmp (data + earlier, &word, 4) == 0)
            {
              gsize found = match_length (data + i, data + earlier, max);

              if (found > best)
                {
                  best = found;
                  distance = i - earlier;
                }
            }
        }

      if (best >= MIN_MATCH)
        {
          self->tokens[n_tokens++] = MATCH_FLAG | ((guint32) distance << 9) | (guint32) best;
          lit_freq[END_OF_BLOCK + 1 + length_code[best]]++;
          dist_freq[distance_code (distance)]++;
          i += best;
        }
      else
        {
          self->tokens[n_tokens++] = c;
          lit_freq[c]++;
          i++;
        }
    }
  return n_tokens;
}

/* Appends @length bytes of @data as one block, the stream's last when
 * @final; @row_bytes is the length of a row of the image (0: not one). */
void
_up_deflate_block (UpDeflate    *self,
                   const guint8 *data,
                   gsize         length,
                   gsize         row_bytes,
                   gboolean      final)
{
  guint32 lit_freq[N_LITLEN] = { 0 };
  guint32 dist_freq[N_DIST] = { 0 };
  guint32 codelen_freq[N_CODELEN] = { 0 };
  guint8 lit_lengths[N_LITLEN];
  guint8 dist_lengths[N_DIST];
  guint8 codelen_lengths[N_CODELEN];
  guint16 lit_codes[N_LITLEN];
  guint16 dist_codes[N_DIST];
  guint16 codelen_codes[N_CODELEN];
  guint8 all_lengths[N_LITLEN + N_DIST];
  guint8 rle_symbols[N_LITLEN + N_DIST];
  guint8 rle_extra[N_LITLEN + N_DIST];
  int n_rle = 0;
  int n_lit;
  int n_dist;
  int n_codelen;
  gsize n_tokens;
  gsize start;
  BitWriter writer;

  g_return_if_fail (!self->ended);

  n_tokens = find_tokens (self, data, length, row_bytes, lit_freq, dist_freq);
  lit_freq[END_OF_BLOCK] = 1;

  build_lengths (lit_freq, N_LITLEN, MAX_BITS, lit_lengths);
  build_lengths (dist_freq, N_DIST, MAX_BITS, dist_lengths);
  make_codes (lit_lengths, N_LITLEN, lit_codes);
  make_codes (dist_lengths, N_DIST, dist_codes);

  /* the two codes' lengths, one run-length coded sequence */
  n_lit = N_LITLEN;
  while (n_lit > 257 && lit_lengths[n_lit - 1] == 0)
    n_lit--;
  n_dist = N_DIST;
  while (n_dist > 1 && dist_lengths[n_dist - 1] == 0)
    n_dist--;
  memcpy (all_lengths, lit_lengths, n_lit);
  memcpy (all_lengths + n_lit, dist_lengths, n_dist);
  for (int p = 0; p < n_lit + n_dist;)
    {
      guint8 value = all_lengths[p];
      int run = 1;

      while (p + run < n_lit + n_dist && all_lengths[p + run] == value)
        run++;
      p += run;
      if (value == 0)
        {
          while (run >= 11)
            {
              int r = MIN (run, 138);

              rle_symbols[n_rle] = 18;
              rle_extra[n_rle++] = r - 11;
              run -= r;
            }
          if (run >= 3)
            {
              rle_symbols[n_rle] = 17;
              rle_extra[n_rle++] = run - 3;
              run = 0;
            }
        }
      else
        {
          rle_symbols[n_rle] = value;
          rle_extra[n_rle++] = 0;
          run--;
          while (run >= 3)
            {
              int r = MIN (run, 6);

              rle_symbols[n_rle] = 16;
              rle_extra[n_rle++] = r - 3;
              run -= r;
            }
        }
      for (; run > 0; run--)
        {
          rle_symbols[n_rle] = value;
          rle_extra[n_rle++] = 0;
        }
    }
  for (int r = 0; r < n_rle; r++)
    codelen_freq[rle_symbols[r]]++;
  build_lengths (codelen_freq, N_CODELEN, MAX_CODELEN_BITS, codelen_lengths);
  make_codes (codelen_lengths, N_CODELEN, codelen_codes);
  n_codelen = N_CODELEN;
  while (n_codelen > 4 && codelen_lengths[codelen_order[n_codelen - 1]] == 0)
    n_codelen--;

  start = self->out->len;
  g_byte_array_set_size (self->out, start + MAX_HEADER_BYTES + n_tokens * MAX_TOKEN_BYTES + 8);
  writer.at = self->out->data + start;
  writer.bits = self->bits;
  writer.n_bits = self->n_bits;

  put_bits (&writer, final ? 1 : 0, 1);
  put_bits (&writer, 2, 2);  /* dynamic Huffman codes */
  put_bits (&writer, n_lit - 257, 5);
  put_bits (&writer, n_dist - 1, 5);
  put_bits (&writer, n_codelen - 4, 4);
  for (int c = 0; c < n_codelen; c++)
    put_bits (&writer, codelen_lengths[codelen_order[c]], 3);
  for (int r = 0; r < n_rle; r++)
    {
      static const guint8 extra_bits[3] = { 2, 3, 7 };
      guint8 symbol = rle_symbols[r];

      put_bits (&writer, codelen_codes[symbol], codelen_lengths[symbol]);
      if (symbol >= 16)
        put_bits (&writer, rle_extra[r], extra_bits[symbol - 16]);
    }

  for (gsize t = 0; t < n_tokens; t++)
    {
      guint32 token = self->tokens[t];

      if (token & MATCH_FLAG)
        {
          guint best = token & 0x1ff;
          guint distance = (token >> 9) & 0xffff;
          int code = length_code[best];
          int symbol = END_OF_BLOCK + 1 + code;
          int dcode = distance_code (distance);

          put_bits (&writer, lit_codes[symbol], lit_lengths[symbol]);
          if (length_extra[code] > 0)
            put_bits (&writer, best - length_base[code], length_extra[code]);
          put_bits (&writer, dist_codes[dcode], dist_lengths[dcode]);
          if (distance_extra[dcode] > 0)
            put_bits (&writer, distance - distance_base[dcode], distance_extra[dcode]);
        }
      else
        put_bits (&writer, lit_codes[token], lit_lengths[token]);
    }
  put_bits (&writer, lit_codes[END_OF_BLOCK], lit_lengths[END_OF_BLOCK]);

  g_byte_array_set_size (self->out, writer.at - self->out->data);
  self->bits = writer.bits;
  self->n_bits = writer.n_bits;
  self->ended = final;
}

/* Ends the output on a byte: after the last block, or else with an
 * empty stored block (as zlib's sync flush does), after which another
 * piece of the same stream can follow. Frees what @self holds. */
void
_up_deflate_finish (UpDeflate *self)
{
  BitWriter writer;
  gsize start = self->out->len;

  g_byte_array_set_size (self->out, start + 16);
  writer.at = self->out->data + start;
  writer.bits = self->bits;
  writer.n_bits = self->n_bits;

  if (!self->ended)
    {
      put_bits (&writer, 0, 3);  /* not the last block, stored */
      writer.n_bits = (writer.n_bits + 7) & ~7;
      put_bits (&writer, 0x0000, 16);  /* its length */
      put_bits (&writer, 0xffff, 16);  /* and the complement */
    }
  for (; writer.n_bits > 0; writer.n_bits -= 8)
    {
      *writer.at++ = writer.bits & 0xff;
      writer.bits >>= 8;
    }

  g_byte_array_set_size (self->out, writer.at - self->out->data);
  g_clear_pointer (&self->tokens, g_free);
  g_clear_pointer (&self->head, g_free);
  self->n_tokens_max = 0;
  self->bits = 0;
  self->n_bits = 0;
}
