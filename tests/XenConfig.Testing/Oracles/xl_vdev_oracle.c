/*
 * xl_vdev_oracle - differential-test driver around libxl's vdev decoder.
 *
 * libxl__device_disk_dev_number() is internal (hidden in libxenlight.so), so this driver links the static
 * libxenlight.a. Reads one vdev per line on stdin ("\n", "\t", "\r", "\\" escapes) and prints one line each:
 * the device number libxl computes, or "invalid" when it is negative (libxl then refuses the disk).
 *
 * Build: gcc -O1 -o xl_vdev_oracle xl_vdev_oracle.c $(gcc -print-file-name=libxenlight.a) -lxentoollog
 *        -lxenevtchn -lxentoolcore -lxenstore -lxenhypfs -lxenguest -lxenctrl -lxengnttab -lxenforeignmemory
 *        -lxendevicemodel -lxencall -l:libyajl.so.2 -luuid -lutil -lpthread
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int libxl__device_disk_dev_number(const char *virtpath, int *pdisk, int *ppartition);

static void unescape(char *s)
{
    char *w = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            *w++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' : *s;
        } else {
            *w++ = *s;
        }
    }
    *w = 0;
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;

    while ((n = getline(&line, &cap, stdin)) >= 0) {
        int number;
        if (n > 0 && line[n - 1] == '\n') line[n - 1] = 0;
        unescape(line);
        number = libxl__device_disk_dev_number(line, NULL, NULL);
        if (number < 0) printf("invalid\n");
        else printf("%d\n", number);
    }
    free(line);
    return 0;
}
