/* A stand-in for the native xenconfig binary in NativePrefaultTests: a zero-initialised .hydrated section of the size ILC
   emits for xenconfig (2.8 MB), linked with src/XenConfig.Cli/Native/hydrated.ld (and prefault.c, or not). main runs
   where the runtime's start-up would and reports, before touching the section, how many of its pages are resident. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

__asm__(".section .hydrated,\"aw\",@nobits\n.balign 16\n.zero 2936016\n.previous");

extern char __xenconfig_hydrated_margin_start[], __xenconfig_hydrated_margin_end[];
extern char __xenconfig_hydrated_start[], __xenconfig_hydrated_end[];

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
    printf("section %zu, margin before %zu, margin after %zu, resident %zu of %zu pages\n",
           (size_t)(__xenconfig_hydrated_end - __xenconfig_hydrated_start),
           (size_t)(__xenconfig_hydrated_start - __xenconfig_hydrated_margin_start),
           (size_t)(__xenconfig_hydrated_margin_end - __xenconfig_hydrated_end), resident, pages);
    return 0;
}
