/* Fuzz target: a whole DOCX package from memory, as `filinglint check x.docx`
 * reads it — format sniffing, the ZIP limits, OPC (content types,
 * relationships, main part), styles, numbering, the streamed body and the
 * other stories, properties, then the model pass (sections, fields, type).
 *
 * A mutation inside a stored (uncompressed) entry breaks its CRC, and libzip
 * then fails the entry at its end: the XML was parsed, but rels, styles and
 * the model pass were never reached with mutated content. So an input whose
 * stored entries have wrong CRCs is read twice: as it is, and with the CRCs
 * in the local and central headers recomputed. Both reads are deterministic,
 * so a saved input reproduces under this target exactly. */
#include "model/load.h"
#include "fuzz.h"
#include "core/error.h"
#include "input/input.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    fl_fuzz_init();
    return 0;
}

static uint32_t crc32_of(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

static uint32_t rd16(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8; }
static uint32_t rd32(const uint8_t *p) { return rd16(p) | rd16(p + 2) << 16; }
static void wr32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

/* Recompute the CRC of every stored entry without a data descriptor, in its
 * local header and in the central headers that point at it. Returns the
 * number of CRCs changed. */
static size_t fix_crcs(uint8_t *d, size_t n)
{
    size_t fixed = 0, ncentral = 0, central[1024];
    for (size_t j = 0; j + 46 <= n && ncentral < 1024; j++)
        if (!memcmp(d + j, "PK\1\2", 4)) central[ncentral++] = j;
    for (size_t i = 0; i + 30 <= n; i++) {
        if (memcmp(d + i, "PK\3\4", 4) != 0) continue;
        uint32_t flags = rd16(d + i + 6), method = rd16(d + i + 8);
        size_t csize = rd32(d + i + 18), usize = rd32(d + i + 22);
        size_t start = i + 30 + rd16(d + i + 26) + rd16(d + i + 28);
        if (method != 0 || (flags & 8) || csize != usize || start > n || csize > n - start) continue;
        uint32_t crc = crc32_of(d + start, csize);
        if (crc == rd32(d + i + 14)) continue;
        wr32(d + i + 14, crc);
        fixed++;
        for (size_t k = 0; k < ncentral; k++)
            if (rd32(d + central[k] + 42) == i) wr32(d + central[k] + 16, crc);
    }
    return fixed;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fl_fuzz_load("fuzz.docx", data, size);
    if (size < 2 || data[0] != 'P' || data[1] != 'K') return 0;
    uint8_t *copy = malloc(size);
    if (!copy) abort();
    memcpy(copy, data, size);
    if (fix_crcs(copy, size)) fl_fuzz_load("fuzz.docx", copy, size);
    free(copy);
    return 0;
}
