/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A deflate (RFC 1951) encoder for the filtered rows of a chart's PNG,
 * faster than zlib's fastest level on them (see up-deflate.c). Blocks are
 * written one after another into one bit stream; _up_deflate_finish()
 * ends it on a byte, so that the output of several encoders, each given
 * a piece of the rows, joins into one stream. */
typedef struct
{
  GByteArray *out;
  guint64     bits;          /* not yet written, the first in the lowest bit */
  int         n_bits;
  guint32    *tokens;        /* a block's literals and matches */
  gsize       n_tokens_max;
  guint32    *head;          /* the last place of each hash of 4 bytes */
  gboolean    ended;         /* the last block is written */
} UpDeflate;

void _up_deflate_init   (UpDeflate    *deflate,
                         GByteArray   *out);
void _up_deflate_block  (UpDeflate    *deflate,
                         const guint8 *data,
                         gsize         length,
                         gsize         row_bytes,
                         gboolean      final);
void _up_deflate_finish (UpDeflate    *deflate);

G_END_DECLS
