/* Linked into the native AOT binary only (XenConfig.Cli.csproj), with hydrated.ld.
 *
 * A page fault costs 10-15 us on the virtualised hosts measured, and start-up is mostly first touches of memory. Two
 * constructors run after the dynamic loader and before the runtime, and ask the kernel for the pages in bulk instead:
 *
 * The runtime writes its whole .hydrated section (2.8 MB) before Main. As ordinary 4 KB pages that is some 700 page
 * faults (one-guest validate: 700 of 1,034 faults). The first constructor lets the kernel back the section with
 * transparent huge pages (the linker script leaves a 2 MB margin around it, so every 2 MB block it touches lies inside
 * one anonymous mapping) and populates it in one call.
 *
 * The code (4.6 MB of the file, in the page cache after the first run) is mapped lazily, 16 pages per fault: a one-guest
 * validate touched it in 44 faults. The second constructor maps the executable's code segment whole
 * (MADV_POPULATE_READ); nothing is copied, the page tables point at the cached file pages. Not the read-only data: its 31
 * faults cost about what populating its 3.8 MB did, and the mapped pages count in the resident set (show of a 10 MB xm
 * config has less than 5% left to its 10x goal).
 *
 * Everything is advice: on a kernel without it (before 5.14, transparent huge pages "never"), madvise fails and the pages
 * fault in one by one as before. */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#endif
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

extern char __xenconfig_hydrated_margin_start[] __attribute__((visibility("hidden")));
extern char __xenconfig_hydrated_margin_end[] __attribute__((visibility("hidden")));
extern char __xenconfig_hydrated_start[] __attribute__((visibility("hidden")));
extern char __xenconfig_hydrated_end[] __attribute__((visibility("hidden")));

__attribute__((constructor)) static void xenconfig_prefault_hydrated(void)
{
    const uintptr_t page = 4096;
    uintptr_t margin_start = (uintptr_t)__xenconfig_hydrated_margin_start;
    uintptr_t margin_end = (uintptr_t)__xenconfig_hydrated_margin_end;
    uintptr_t start = (uintptr_t)__xenconfig_hydrated_start & ~(page - 1);
    uintptr_t end = ((uintptr_t)__xenconfig_hydrated_end + page - 1) & ~(page - 1);
    if (end <= start)
        return;
    madvise((void *)margin_start, margin_end - margin_start, MADV_HUGEPAGE);
    /* Only the section's own pages: where huge pages were granted they cover it whole, and where they were not, no page
       is populated that the runtime would not have touched. */
    madvise((void *)start, end - start, MADV_POPULATE_WRITE);
}

/* dl_iterate_phdr reports the executable first: its executable PT_LOAD segments are populated, then the walk stops. */
static int xenconfig_populate_code_segments(struct dl_phdr_info *info, size_t size, void *unused)
{
    const uintptr_t page = 4096;
    (void)size;
    (void)unused;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_X) || (segment->p_flags & PF_W))
            continue;
        uintptr_t start = (info->dlpi_addr + segment->p_vaddr) & ~(page - 1);
        uintptr_t end = (info->dlpi_addr + segment->p_vaddr + segment->p_memsz + page - 1) & ~(page - 1);
        madvise((void *)start, end - start, MADV_POPULATE_READ);
    }
    return 1;
}

__attribute__((constructor)) static void xenconfig_prefault_code(void)
{
    dl_iterate_phdr(xenconfig_populate_code_segments, 0);
}
