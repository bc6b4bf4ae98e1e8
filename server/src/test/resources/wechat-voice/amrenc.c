/* Raw 16-bit little-endian mono 8 kHz PCM on stdin -> AMR-NB file (RFC 4867 storage format) on stdout,
   12.2 kbit/s (MR122), DTX off, with libopencore-amrnb's encoder. */
#include <stdio.h>
#include <string.h>
#include <opencore-amrnb/interf_enc.h>
int main(void) {
    void *enc = Encoder_Interface_init(0);
    short pcm[160];
    unsigned char frame[64];
    fwrite("#!AMR\n", 1, 6, stdout);
    size_t n;
    while ((n = fread(pcm, 2, 160, stdin)) > 0) {
        if (n < 160) memset(pcm + n, 0, (160 - n) * 2);
        int len = Encoder_Interface_Encode(enc, MR122, pcm, frame, 0);
        fwrite(frame, 1, len, stdout);
    }
    Encoder_Interface_exit(enc);
    return 0;
}
