/* SHA-256 (FIPS 180-4) for the corpus's content hashes: a filing never
 * matches itself, recognised by the hash of its text. Small enough to carry
 * instead of linking a crypto library for one function. */
#ifndef FL_SHA256_H
#define FL_SHA256_H
#include <stddef.h>
#include <stdint.h>

typedef struct fl_sha256 {
    uint32_t h[8];
    uint64_t total;       /* bytes hashed so far */
    unsigned char buf[64];
    size_t nbuf;
} fl_sha256;

void fl_sha256_init(fl_sha256 *s);
void fl_sha256_update(fl_sha256 *s, const void *data, size_t len);
void fl_sha256_final(fl_sha256 *s, unsigned char out[32]);
/* Lower-case hex of a digest into out (65 bytes with the NUL). */
void fl_sha256_hex(const unsigned char digest[32], char out[65]);
#endif
