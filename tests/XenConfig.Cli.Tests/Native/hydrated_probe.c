/* A stand-in for the native xenconfig binary in NativePrefaultTests: a zero-initialised .hydrated section of the size ILC
   emits for xenconfig (2.8 MB) and 4 MB of code nobody runs, linked with src/XenConfig.Cli/Native/hydrated.ld (and
   prefault.c, or not). main runs where the runtime's start-up would and reports, before touching either, how many pages
   of the section are resident, and how many pages of the executable's code mappings are mapped (Rss). */
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

__asm__(".section .hydrated,\"aw\",@nobits\n.balign 16\n.zero 2936016\n.previous");
__asm__(".text\n.balign 4096\n.fill 4194304,1,0xcc\n.previous");

extern char __xenconfig_hydrated_margin_start[], __xenconfig_hydrated_margin_end[];
extern char __xenconfig_hydrated_start[], __xenconfig_hydrated_end[];

/* Size and Rss (KB) summed over the executable mappings of this executable, from /proc/self/smaps. */
static int code_kb(size_t *size_kb, size_t *rss_kb)
{
    char exe[4096], line[8192];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    FILE *smaps = fopen("/proc/self/smaps", "r");
    if (n <= 0 || smaps == NULL)
        return -1;
    exe[n] = 0;
    int ours = 0;
    *size_kb = *rss_kb = 0;
    while (fgets(line, sizeof line, smaps)) {
        char perms[8], path[4096] = "";
        size_t kb;
        if (sscanf(line, "%*x-%*x %7s %*s %*s %*s %4095s", perms, path) >= 1 && strchr(line, '-') < strchr(line, ' '))
            ours = strcmp(path, exe) == 0 && perms[2] == 'x';
        else if (ours && sscanf(line, "Size: %zu kB", &kb) == 1)
            *size_kb += kb;
        else if (ours && sscanf(line, "Rss: %zu kB", &kb) == 1)
            *rss_kb += kb;
    }
    fclose(smaps);
    return 0;
}

int main(void)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = (uintptr_t)__xenconfig_hydrated_start & ~(page - 1);
    uintptr_t end = ((uintptr_t)__xenconfig_hydrated_end + page - 1) & ~(page - 1);
    size_t pages = (end - start) / page, resident = 0;
    unsigned char *vec = malloc(pages);
    if (vec == NULL || mincore((void *)start, end - start, vec) != 0)
        return 2;
    for (size_t i = 0; i < pages; i++)
        resident += vec[i] & 1;
    size_t code_size, code_rss;
    if (code_kb(&code_size, &code_rss) != 0)
        return 3;
    printf("section %zu, margin before %zu, margin after %zu, resident %zu of %zu pages\n",
           (size_t)(__xenconfig_hydrated_end - __xenconfig_hydrated_start),
           (size_t)(__xenconfig_hydrated_start - __xenconfig_hydrated_margin_start),
           (size_t)(__xenconfig_hydrated_margin_end - __xenconfig_hydrated_end), resident, pages);
    printf("code mapped %zu of %zu KB\n", code_rss, code_size);
    return 0;
}
