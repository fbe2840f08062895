/*
 * Times Xen's own config parser (libxlutil: xlu_cfg_init + xlu_cfg_readdata) on a set of files:
 *   xlu_parse_loop ITERATIONS FILE...
 * prints "bytes=N seconds=S" for ITERATIONS passes over all files. Used by compare.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxlutil.h>

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: %s ITERATIONS FILE...\n", argv[0]); return 2; }
    int iterations = atoi(argv[1]), count = argc - 2;
    char **data = calloc(count, sizeof *data);
    size_t *length = calloc(count, sizeof *length), total = 0;
    for (int i = 0; i < count; i++) {
        FILE *f = fopen(argv[i + 2], "rb");
        if (!f) { perror(argv[i + 2]); return 2; }
        fseek(f, 0, SEEK_END); length[i] = ftell(f); fseek(f, 0, SEEK_SET);
        data[i] = malloc(length[i] + 1);
        if (fread(data[i], 1, length[i], f) != length[i]) { perror("read"); return 2; }
        fclose(f);
        if (memchr(data[i], 0, length[i])) { fprintf(stderr, "%s has a NUL byte; libxlu aborts on those\n", argv[i + 2]); return 2; }
        total += length[i];
    }
    FILE *devnull = fopen("/dev/null", "w");
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int n = 0; n < iterations; n++)
        for (int i = 0; i < count; i++) {
            XLU_Config *cfg = xlu_cfg_init(devnull, "cfg");
            xlu_cfg_readdata(cfg, data[i], (int)length[i]);
            xlu_cfg_destroy(cfg);
        }
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("bytes=%zu seconds=%.6f\n", total * (size_t)iterations,
           (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
    return 0;
}
