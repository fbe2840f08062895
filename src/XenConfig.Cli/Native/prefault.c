/* Linked into the native AOT binary only (XenConfig.Cli.csproj), with hydrated.ld.
 *
 * The runtime writes its whole .hydrated section (2.8 MB) before Main. As ordinary 4 KB pages that is some 700 page
 * faults, and a page fault costs 10-15 us on the virtualised hosts measured (one-guest validate: 700 of 1,034 faults).
 * This constructor runs after the dynamic loader and before the runtime: it lets the kernel back the section with
 * transparent huge pages (the linker script leaves a 2 MB margin around it, so every 2 MB block it touches lies inside
 * one anonymous mapping) and populates it in one call. Both are advice: on a kernel without them (before 5.14,
 * transparent huge pages "never"), madvise fails and the pages fault in one by one as before. */
#include <stdint.h>
#include <sys/mman.h>

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
