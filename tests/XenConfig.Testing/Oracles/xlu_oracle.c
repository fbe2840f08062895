/*
 * xlu_oracle - differential-test driver around the real libxlutil.
 *
 * Usage: xlu_oracle disk|pci|rate < specs
 *   Reads one spec per line on stdin. In the input, "\n", "\t", "\r" and "\\" are escapes
 *   (so specs may hold any of those characters). Prints exactly one line per spec:
 *     disk: OK target=S vdev=S format=F backendtype=B access=rw|ro cdrom=N removable=N script=S
 *           backend=S discard=D direct-io-safe=N trusted=D colo=D specification=P colo-host=S
 *           colo-port=N colo-export=S active-disk=S hidden-disk=S
 *     pci:  OK domain=N bus=N dev=N func=N vfunc_mask=N vslot=N permissive=N msitranslate=N seize=N
 *           power_mgmt=N rdm_policy=P name=S
 *     rate: OK bytes=N interval=N
 *   or "ERR message" where message is the first line libxlutil reported (or the return code).
 *   S is a quoted, escaped string or "-" when the field is unset (NULL).
 *   The disk scanner calls exit(2) ("flex scanner jammed") on some inputs (a '=' that no rule accepts followed by
 *   a newline), so each disk spec is parsed in a forked child; a child that dies prints "ERR flex scanner jammed".
 *
 * Build: gcc -O1 -o xlu_oracle xlu_oracle.c -lxlutil -lxenlight
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libxl.h>
#include <libxlutil.h>

static void put_str(const char *s)
{
    if (!s) { putchar('-'); return; }
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c == '\n') fputs("\\n", stdout);
        else if (c == '\t') fputs("\\t", stdout);
        else if (c == '\r') fputs("\\r", stdout);
        else if (c < 0x20 || c == 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    putchar('"');
}

static void unescape(char *s)
{
    char *w = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            switch (*s) {
            case 'n': *w++ = '\n'; break;
            case 't': *w++ = '\t'; break;
            case 'r': *w++ = '\r'; break;
            default: *w++ = *s; break;
            }
        } else {
            *w++ = *s;
        }
    }
    *w = 0;
}

/* The first report line written since 'mark', without its trailing newline. */
static void put_report(FILE *rep, char **buf, size_t *len, size_t mark, int rc)
{
    fflush(rep);
    if (*buf && *len > mark) {
        char *p = *buf + mark, *nl = memchr(p, '\n', *len - mark);
        size_t n = nl ? (size_t)(nl - p) : *len - mark;
        printf("ERR %.*s\n", (int)n, p);
    } else {
        printf("ERR rc=%d\n", rc);
    }
}

static const char *defbool(libxl_defbool b) { return libxl_defbool_to_string(b); }

int main(int argc, char **argv)
{
    char *rbuf = NULL; size_t rlen = 0;
    FILE *rep = open_memstream(&rbuf, &rlen);
    XLU_Config *cfg;
    char *line = NULL; size_t cap = 0; ssize_t n;
    const char *mode;

    if (argc != 2) { fprintf(stderr, "usage: %s disk|pci|rate\n", argv[0]); return 2; }
    mode = argv[1];
    cfg = xlu_cfg_init(rep, "oracle");
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);

    while ((n = getline(&line, &cap, stdin)) >= 0) {
        size_t mark;
        int e;
        if (n > 0 && line[n - 1] == '\n') line[--n] = 0;
        unescape(line);
        fflush(rep);
        mark = rlen;
        if (!strcmp(mode, "disk")) {
            pid_t pid;
            int status;
            fflush(stdout);
            pid = fork();
            if (pid < 0) { perror("fork"); return 2; }
            if (pid > 0) {
                waitpid(pid, &status, 0);
                if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) printf("ERR flex scanner jammed\n");
                continue;
            }
        }
        if (!strcmp(mode, "disk")) {
            libxl_device_disk d;
            const char *spec = line;
            libxl_device_disk_init(&d);
            e = xlu_disk_parse(cfg, 1, &spec, &d);
            if (e) {
                put_report(rep, &rbuf, &rlen, mark, e);
            } else {
                fputs("OK target=", stdout); put_str(d.pdev_path);
                fputs(" vdev=", stdout); put_str(d.vdev);
                printf(" format=%s backendtype=%s access=%s cdrom=%d removable=%d script=",
                       libxl_disk_format_to_string(d.format), libxl_disk_backend_to_string(d.backend),
                       d.readwrite ? "rw" : "ro", d.is_cdrom, d.removable);
                put_str(d.script);
                fputs(" backend=", stdout); put_str(d.backend_domname);
                printf(" discard=%s direct-io-safe=%d trusted=%s colo=%s specification=%s colo-host=",
                       defbool(d.discard_enable), (int)d.direct_io_safe, defbool(d.trusted),
                       defbool(d.colo_enable), libxl_disk_specification_to_string(d.specification));
                put_str(d.colo_host);
                printf(" colo-port=%d colo-export=", d.colo_port); put_str(d.colo_export);
                fputs(" active-disk=", stdout); put_str(d.active_disk);
                fputs(" hidden-disk=", stdout); put_str(d.hidden_disk);
                putchar('\n');
            }
            libxl_device_disk_dispose(&d);
            fflush(stdout);
            _exit(0);
        } else if (!strcmp(mode, "pci")) {
            libxl_device_pci p;
            libxl_device_pci_init(&p);
            e = xlu_pci_parse_spec_string(cfg, &p, line);
            if (e) {
                printf("ERR rc=%d\n", e);
            } else {
                printf("OK domain=%u bus=%u dev=%u func=%u vfunc_mask=%u vslot=%u permissive=%d"
                       " msitranslate=%d seize=%d power_mgmt=%d rdm_policy=%s name=",
                       p.domain, p.bus, p.dev, p.func, p.vfunc_mask, p.vdevfn >> 3, (int)p.permissive,
                       (int)p.msitranslate, (int)p.seize, (int)p.power_mgmt,
                       libxl_rdm_reserve_policy_to_string(p.rdm_policy));
                put_str(p.name);
                putchar('\n');
            }
            libxl_device_pci_dispose(&p);
        } else if (!strcmp(mode, "rate")) {
            libxl_device_nic nic;
            libxl_device_nic_init(&nic);
            errno = 0;
            e = xlu_vif_parse_rate(cfg, line, &nic);
            if (e) put_report(rep, &rbuf, &rlen, mark, e);
            else printf("OK bytes=%llu interval=%u\n", (unsigned long long)nic.rate_bytes_per_interval,
                        (unsigned)nic.rate_interval_usecs);
            libxl_device_nic_dispose(&nic);
        } else {
            fprintf(stderr, "unknown mode %s\n", mode);
            return 2;
        }
    }
    fflush(stdout);
    free(line);
    xlu_cfg_destroy(cfg);
    return 0;
}
