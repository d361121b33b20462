/* What one commit's device syncs cost on this disk, for each way the log could commit a batch (docs/log.md).
 * Per pattern: 2,000 commits of a ~3 KB batch and a ~300-byte checkpoint, in a directory given as argv[1]. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { Commits = 2000, Batch = 3000, Note = 300, Slot = 4096 };
static int entries, slots, journal;
static char data[Batch + Note];

static double micros(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3; }
static void *sync_slots(void *unused) { (void)unused; fdatasync(slots); return NULL; }
static int open_in(const char *dir, const char *name) { char path[4096]; snprintf(path, sizeof path, "%s/%s", dir, name); return open(path, O_RDWR | O_CREAT | O_TRUNC, 0644); }

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : ".";
    entries = open_in(dir, "entries"); slots = open_in(dir, "slots"); journal = open_in(dir, "journal");
    if (entries < 0 || slots < 0 || journal < 0) { perror("open"); return 1; }
    char zeros[Slot] = {0};
    write(slots, zeros, Slot); write(slots, zeros, Slot); fsync(slots);
    /* The journal's blocks are written with zeros first, as CommitJournal does. */
    for (long i = 0; i < 3L * Commits * (Batch + Note) / Slot + 1; i++) pwrite(journal, zeros, Slot, i * Slot);
    fsync(journal);
    memset(data, 'x', sizeof data);
    long offset = 0, journal_offset = 0;
    for (int round = 0; round < 3; round++) {
        double t = micros();
        for (int i = 0; i < Commits; i++) { pwrite(entries, data, Batch, offset); offset += Batch; fsync(entries); pwrite(slots, data, Note, (i & 1) * Slot); fdatasync(slots); }
        double serial = (micros() - t) / Commits; t = micros();
        for (int i = 0; i < Commits; i++) {
            pwrite(entries, data, Batch, offset); offset += Batch; pwrite(slots, data, Note, (i & 1) * Slot);
            pthread_t other; pthread_create(&other, NULL, sync_slots, NULL); fsync(entries); pthread_join(other, NULL);
        }
        double parallel = (micros() - t) / Commits; t = micros();
        for (int i = 0; i < Commits; i++) { pwrite(entries, data, Batch + Note, offset); offset += Batch + Note; fdatasync(entries); }
        double grown = (micros() - t) / Commits; t = micros();
        for (int i = 0; i < Commits; i++) { pwrite(journal, data, Batch + Note, journal_offset); journal_offset += Batch + Note; fdatasync(journal); }
        double zero_filled = (micros() - t) / Commits;
        printf("per commit: fsync entries + fdatasync slot %.0f us; both at once %.0f us; one fdatasync, file grows %.0f us; one fdatasync into zero-filled blocks %.0f us\n",
               serial, parallel, grown, zero_filled);
    }
    return 0;
}
