/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PNG's deflate encoder, read back with zlib: every kind of input a
 * chart gives and some it does not, whole and in blocks, and pieces from
 * several encoders joined into one stream as the PNG writer joins them. */

#include "config.h"

#include <string.h>
#include <zlib.h>

#include "up-deflate-private.h"

/* @data encoded in blocks of @block bytes (the last one the stream's
 * last) by one encoder. */
static GByteArray *
encode (const guint8 *data,
        gsize         length,
        gsize         block,
        gsize         row_bytes)
{
  GByteArray *out = g_byte_array_new ();
  UpDeflate deflate;
  gsize at = 0;

  _up_deflate_init (&deflate, out);
  do
    {
      gsize n = MIN (block, length - at);

      _up_deflate_block (&deflate, data + at, n, row_bytes, at + n == length);
      at += n;
    }
  while (at < length);
  _up_deflate_finish (&deflate);
  return out;
}

/* Inflates the raw deflate stream @deflated and checks that it is @data,
 * whole, ending where the stream ends. */
static void
assert_inflates_to (GByteArray   *deflated,
                    const guint8 *data,
                    gsize         length)
{
  g_autofree guint8 *back = g_malloc (length + 64);
  z_stream stream = { 0 };
  int status;

  g_assert_cmpint (inflateInit2 (&stream, -15), ==, Z_OK);
  stream.next_in = deflated->data;
  stream.avail_in = deflated->len;
  stream.next_out = back;
  stream.avail_out = length + 64;
  status = inflate (&stream, Z_FINISH);
  g_assert_cmpint (status, ==, Z_STREAM_END);
  g_assert_cmpuint (stream.avail_in, ==, 0);
  g_assert_cmpuint (stream.total_out, ==, length);
  g_assert_true (memcmp (back, data, length) == 0);
  inflateEnd (&stream);
}

static void
check (const guint8 *data,
       gsize         length,
       gsize         row_bytes)
{
  static const gsize blocks[] = { 1, 3, 1000, 65536, G_MAXSIZE };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      g_autoptr(GByteArray) out = NULL;

      if (blocks[i] < length / 2000)
        continue;  /* a block a byte: only for short inputs */
      out = encode (data, length, blocks[i], row_bytes);
      assert_inflates_to (out, data, length);
    }
}

static void
test_zeros (void)
{
  gsize length = 200000;
  g_autofree guint8 *data = g_malloc0 (length);
  g_autoptr(GByteArray) out = encode (data, length, length, 0);

  check (data, length, 0);
  check (data, 1, 0);
  check (data, 0, 0);
  /* runs of zeros are matches of 258 bytes: a few bits each */
  g_assert_cmpuint (out->len, <, length / 200);
}

/* Bytes that repeat nothing: every one a literal, the codes nearly 8 bits. */
static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gsize length = 100000;
  g_autofree guint8 *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  check (data, length, 0);
  check (data, 17, 5);
}

/* Runs of every length around the limits of a match: a byte repeated
 * 1 to 520 times between bytes that differ. */
static void
test_run_lengths (void)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 next = 1;

  for (guint run = 1; run <= 520; run++)
    {
      guint8 value = run % 3 == 0 ? 0 : next++;

      for (guint i = 0; i < run; i++)
        g_byte_array_append (data, &value, 1);
      next = next == 0 ? 1 : next;
    }
  check (data->data, data->len, 0);
  check (data->data, data->len, 300);
}

/* A chart's rows after the Up filter: a filter byte, zeros where a row is
 * as the row above, a colour's edge repeating every three bytes, and text
 * repeating a few letters at other distances. */
static void
test_chart_rows (void)
{
  const gsize width = 333;
  const gsize row_bytes = width * 3 + 1;
  const gsize n_rows = 400;
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree guint8 *data = g_malloc0 (row_bytes * n_rows);
  static const guint8 glyph[12] = { 0, 40, 200, 255, 180, 30, 0, 0, 90, 250, 90, 0 };

  for (gsize y = 0; y < n_rows; y++)
    {
      guint8 *row = data + y * row_bytes;

      row[0] = 2;
      switch (y % 5)
        {
        case 0:  /* a cell's edge, a colour less the white above */
          for (gsize x = 20; x < 200; x++)
            memcpy (row + 1 + 3 * x, (const guint8[]) { 0x12, 0xa4, 0x3f }, 3);
          break;
        case 1:  /* text: the same letter here and there */
          for (gsize x = 4; x + 12 < row_bytes; x += 30 + g_rand_int_range (rand, 0, 20))
            memcpy (row + x, glyph, sizeof glyph);
          break;
        case 2:  /* antialiasing: grey, the same three bytes */
          for (gsize x = 0; x < width; x += 7)
            memset (row + 1 + 3 * x, g_rand_int_range (rand, 1, 256), 3);
          break;
        default:  /* as the row above */
          break;
        }
    }
  check (data, row_bytes * n_rows, row_bytes);
  /* a row longer than deflate reaches back is not looked at */
  check (data, row_bytes * n_rows, 40000);
}

/* Symbols as often as the Fibonacci numbers: Huffman's code for them is
 * 24 bits deep at the rarest, and deflate allows 15. */
static void
test_deep_code (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint a = 1, b = 1;

  for (guint8 symbol = 0; symbol < 25; symbol++)
    {
      guint8 value = symbol * 10 + 1;

      for (guint i = 0; i < a; i++)
        g_byte_array_append (data, &value, 1);
      b += a;
      a = b - a;
    }
  /* shuffled, so that the bytes are literals, not runs */
  for (guint i = data->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      guint8 swap = data->data[i];

      data->data[i] = data->data[j];
      data->data[j] = swap;
    }
  check (data->data, data->len, 0);
}

/* Pieces written by encoders of their own, joined behind a zlib header
 * and ended with the adler32 of the whole: one zlib stream, as the
 * pieces of a PNG's bands are. */
static void
test_pieces (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  gsize length = 90000;
  g_autofree guint8 *data = g_malloc0 (length);
  g_autofree guint8 *back = g_malloc (length);
  g_autoptr(GByteArray) joined = g_byte_array_new ();
  static const guint8 header[2] = { 0x78, 0x01 };
  const gsize cuts[] = { 0, 1, 30000, 30001, 89999, 90000 };
  uLong adler = adler32 (0, NULL, 0);
  uLongf back_length = length;
  guint8 trailer[4];

  for (gsize i = 0; i < length; i += g_rand_int_range (rand, 1, 40))
    data[i] = g_rand_int_range (rand, 0, 256);

  g_byte_array_append (joined, header, sizeof header);
  for (guint c = 0; c + 1 < G_N_ELEMENTS (cuts); c++)
    {
      gsize n = cuts[c + 1] - cuts[c];
      GByteArray *out = g_byte_array_new ();
      UpDeflate deflate;

      _up_deflate_init (&deflate, out);
      _up_deflate_block (&deflate, data + cuts[c], n, 0, c + 2 == G_N_ELEMENTS (cuts));
      _up_deflate_finish (&deflate);
      g_byte_array_append (joined, out->data, out->len);
      g_byte_array_unref (out);
    }
  adler = adler32 (adler, data, length);
  trailer[0] = adler >> 24;
  trailer[1] = (adler >> 16) & 0xff;
  trailer[2] = (adler >> 8) & 0xff;
  trailer[3] = adler & 0xff;
  g_byte_array_append (joined, trailer, sizeof trailer);

  g_assert_cmpint (uncompress (back, &back_length, joined->data, joined->len), ==, Z_OK);
  g_assert_cmpuint (back_length, ==, length);
  g_assert_true (memcmp (back, data, length) == 0);
}

/* Reading a block's header, bit by bit. */
typedef struct
{
  const guint8 *data;
  gsize         bit;
} Bits;

static guint
get_bits (Bits *bits,
          int   n)
{
  guint value = 0;

  for (int i = 0; i < n; i++, bits->bit++)
    value |= ((bits->data[bits->bit >> 3] >> (bits->bit & 7)) & 1) << i;
  return value;
}

/* Kraft's sum of @lengths, in units of 2^-15: a complete code is 2^15. */
static guint
kraft_sum (const guint8 *lengths,
           int           n)
{
  guint sum = 0;

  for (int s = 0; s < n; s++)
    if (lengths[s] > 0)
      sum += 1u << (15 - lengths[s]);
  return sum;
}

/* The next symbol of the canonical code of @lengths. */
static int
decode_symbol (Bits         *bits,
               const guint8 *lengths,
               int           n)
{
  int code = 0;
  int first = 0;

  for (int length = 1; length <= 15; length++)
    {
      int count = 0;

      code |= get_bits (bits, 1);
      for (int s = 0; s < n; s++)
        count += lengths[s] == length;
      if (code - first < count)
        {
          int k = code - first;

          for (int s = 0; s < n; s++)
            if (lengths[s] == length && k-- == 0)
              return s;
        }
      first = (first + count) << 1;
      code <<= 1;
    }
  g_assert_not_reached ();
}

/* The three codes of the first block of @data encoded are complete: zlib
 * lets a code of one symbol pass, other decoders do not. */
static void
assert_codes_complete (const guint8 *data,
                       gsize         length)
{
  static const guint8 order[19] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };
  g_autoptr(GByteArray) out = encode (data, length, G_MAXSIZE, 0);
  Bits bits = { out->data, 0 };
  guint8 codelen_lengths[19] = { 0 };
  guint8 lengths[286 + 30] = { 0 };
  guint n_lit, n_dist, n_codelen;

  get_bits (&bits, 1);
  g_assert_cmpuint (get_bits (&bits, 2), ==, 2);  /* dynamic codes */
  n_lit = get_bits (&bits, 5) + 257;
  n_dist = get_bits (&bits, 5) + 1;
  n_codelen = get_bits (&bits, 4) + 4;
  for (guint i = 0; i < n_codelen; i++)
    codelen_lengths[order[i]] = get_bits (&bits, 3);
  g_assert_cmpuint (kraft_sum (codelen_lengths, 19), ==, 1u << 15);

  for (guint i = 0; i < n_lit + n_dist;)
    {
      int symbol = decode_symbol (&bits, codelen_lengths, 19);
      guint repeat;

      if (symbol < 16)
        {
          lengths[i++] = symbol;
          continue;
        }
      if (symbol == 16)
        {
          g_assert_cmpuint (i, >, 0);
          repeat = 3 + get_bits (&bits, 2);
          for (guint r = 0; r < repeat; r++, i++)
            lengths[i] = lengths[i - 1];
        }
      else
        {
          repeat = symbol == 17 ? 3 + get_bits (&bits, 3) : 11 + get_bits (&bits, 7);
          i += repeat;
        }
      g_assert_cmpuint (i, <=, n_lit + n_dist);
    }
  g_assert_cmpuint (kraft_sum (lengths, n_lit), ==, 1u << 15);
  g_assert_cmpuint (kraft_sum (lengths + n_lit, n_dist), ==, 1u << 15);
}

static void
test_complete_codes (void)
{
  static const guint8 one[1] = { 'A' };
  guint8 zeros[600] = { 0 };
  guint8 counting[256];

  for (guint i = 0; i < sizeof counting; i++)
    counting[i] = i;
  assert_codes_complete (NULL, 0);          /* only the end of the block */
  assert_codes_complete (one, 1);           /* no match: no distance */
  assert_codes_complete (zeros, 600);       /* one distance */
  assert_codes_complete (counting, 256);    /* literals, no distance */
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deflate/zeros", test_zeros);
  g_test_add_func ("/deflate/random", test_random);
  g_test_add_func ("/deflate/run-lengths", test_run_lengths);
  g_test_add_func ("/deflate/chart-rows", test_chart_rows);
  g_test_add_func ("/deflate/deep-code", test_deep_code);
  g_test_add_func ("/deflate/pieces", test_pieces);
  g_test_add_func ("/deflate/complete-codes", test_complete_codes);

  return g_test_run ();
}
