using System.Runtime.Versioning;
using XenConfig.Text;

namespace XenConfig.Tests.Text;

public sealed class AtomicFileTests : IDisposable
{
    private const uint Nobody = 65534;
    private readonly string _folder = Directory.CreateTempSubdirectory("xenconfig-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static void SkipUnlessLinux() => Skip.IfNot(UnixFile.IsSupported, "owners, hard links and locks are checked on Linux only");

    [Fact]
    public void Replaces_the_content_and_leaves_no_temporary_or_lock_file()
    {
        var path = Write("guest.cfg", "old");

        AtomicFile.WriteAllBytes(path, "new"u8);

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void Keeps_the_original_permissions()
    {
        var path = Write("secret.cfg", "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AtomicFile.WriteAllBytes(path, "new"u8);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void A_failed_write_leaves_the_original_untouched()
    {
        var path = Path.Combine(_folder, "missing-folder", "guest.cfg");

        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(path, "new"u8));
        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [SkippableFact]
    public void A_symbolic_link_stays_a_link_and_its_target_gets_the_new_content()
    {
        var target = Write("real/web01.cfg", "old");
        var link = Path.Combine(_folder, "auto", "web01.cfg");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteAllBytes(link, "new"u8);

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(Path.Combine(_folder, "real")));
    }

    [SkippableFact]
    public void A_chain_of_relative_links_is_followed_to_the_final_target()
    {
        var target = Write("store/configs/web01.cfg", "old");
        Directory.CreateDirectory(Path.Combine(_folder, "etc/xen/auto"));
        File.CreateSymbolicLink(Path.Combine(_folder, "store/current.cfg"), "configs/web01.cfg");
        var first = Path.Combine(_folder, "etc/xen/auto/web01.cfg");
        File.CreateSymbolicLink(first, "../../../store/current.cfg");

        AtomicFile.WriteAllBytes(first, "new"u8);

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal("../../../store/current.cfg", new FileInfo(first).LinkTarget);
        Assert.Equal("configs/web01.cfg", new FileInfo(Path.Combine(_folder, "store/current.cfg")).LinkTarget);
        Assert.Equal(target, AtomicFile.ResolveTarget(first));
    }

    [SkippableFact]
    public void A_link_loop_is_an_error_and_writes_nothing()
    {
        var a = Path.Combine(_folder, "a.cfg");
        var b = Path.Combine(_folder, "b.cfg");
        File.CreateSymbolicLink(a, "b.cfg");
        File.CreateSymbolicLink(b, "a.cfg");

        var error = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(a, "new"u8));

        Assert.Contains("link loop", error.Message);
        Assert.Equal(2, Directory.GetFileSystemEntries(_folder).Length);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void Owner_group_and_mode_are_kept_through_a_link_for_a_file_owned_by_another_user()
    {
        SkipUnlessLinux();
        Skip.IfNot(UnixFile.EffectiveUserId == 0, "only root can give a file to another user (here uid " + UnixFile.EffectiveUserId + ")");
        var target = Write("real/web01.cfg", "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        ChangeOwner(target, Nobody, Nobody);
        var link = Path.Combine(_folder, "web01.cfg");
        File.CreateSymbolicLink(link, "real/web01.cfg");

        AtomicFile.WriteAllBytes(link, "new"u8);

        var status = UnixFile.Stat(target, followLinks: false)!.Value;
        Assert.Equal((Nobody, Nobody), (status.User, status.Group));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(target));
        Assert.Equal("new", File.ReadAllText(target));
        Assert.True(UnixFile.Stat(link, followLinks: false)!.Value.IsSymbolicLink);
    }

    [SkippableFact]
    public void A_hard_linked_file_is_refused_and_both_links_keep_the_old_content()
    {
        SkipUnlessLinux();
        var path = Write("web01.cfg", "old");
        var other = Path.Combine(_folder, "web01-copy.cfg");
        HardLink(path, other);

        var refusal = Assert.Throws<SaveRefusedException>(() => AtomicFile.WriteAllBytes(path, "new"u8));

        Assert.Equal(SaveRefusal.HardLinked, refusal.Reason);
        Assert.Equal("XC0013", refusal.Diagnostic.Id);
        Assert.Contains("2 hard links", refusal.Message);
        Assert.Equal(("old", "old"), (File.ReadAllText(path), File.ReadAllText(other)));
    }

    [SkippableFact]
    public void A_forced_save_of_a_hard_linked_file_writes_in_place_so_every_link_sees_it()
    {
        SkipUnlessLinux();
        var path = Write("web01.cfg", "old content");
        var other = Path.Combine(_folder, "web01-copy.cfg");
        HardLink(path, other);
        var inode = UnixFile.Stat(path, followLinks: false)!.Value.Inode;

        AtomicFile.WriteAllBytes(path, "new"u8, new AtomicFileOptions { Force = true });

        Assert.Equal(("new", "new"), (File.ReadAllText(path), File.ReadAllText(other)));
        Assert.Equal(inode, UnixFile.Stat(path, followLinks: false)!.Value.Inode);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void A_read_only_file_is_refused_even_for_root_and_forcing_keeps_its_mode()
    {
        var path = Write("web01.cfg", "old");
        const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(path, ReadOnly);

        var refusal = Assert.Throws<SaveRefusedException>(() => AtomicFile.WriteAllBytes(path, "new"u8));
        Assert.Equal(SaveRefusal.ReadOnly, refusal.Reason);
        Assert.Equal("old", File.ReadAllText(path));

        AtomicFile.WriteAllBytes(path, "new"u8, new AtomicFileOptions { Force = true });
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(ReadOnly, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Temporary_files_left_by_a_crashed_save_are_removed_by_the_next_save_and_nothing_else_is()
    {
        var path = Write("web01.cfg", "old");
        var stale = Write($".web01.cfg.{Guid.NewGuid():N}.tmp", "half");
        var otherFile = Write($".web02.cfg.{Guid.NewGuid():N}.tmp", "another file's");
        var notOurs = Write(".web01.cfg.backup.tmp", "someone else's");

        AtomicFile.WriteAllBytes(path, "new"u8);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(otherFile));
        Assert.True(File.Exists(notOurs));
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_refused_and_keeps_the_other_change()
    {
        var path = Write("web01.cfg", "memory = 512\n");
        var read = FileFingerprint.Of(File.ReadAllBytes(path));
        File.WriteAllText(path, "memory = 1024\n");

        var refusal = Assert.Throws<SaveRefusedException>(() =>
            AtomicFile.WriteAllBytes(path, "memory = 2048\n"u8, new AtomicFileOptions { ExpectedContent = read }));

        Assert.Equal(SaveRefusal.ChangedSinceRead, refusal.Reason);
        Assert.Contains("changed since it was read", refusal.Message);
        Assert.Equal("memory = 1024\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_removed_since_it_was_read_is_refused_and_forcing_creates_it()
    {
        var path = Write("web01.cfg", "memory = 512\n");
        var read = FileFingerprint.Of(File.ReadAllBytes(path));
        File.Delete(path);

        var refusal = Assert.Throws<SaveRefusedException>(() =>
            AtomicFile.WriteAllBytes(path, "x"u8, new AtomicFileOptions { ExpectedContent = read }));
        Assert.Equal(SaveRefusal.ChangedSinceRead, refusal.Reason);
        Assert.False(File.Exists(path));

        AtomicFile.WriteAllBytes(path, "x"u8, new AtomicFileOptions { ExpectedContent = read, Force = true });
        Assert.Equal("x", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_unchanged_since_it_was_read_is_saved()
    {
        var path = Write("web01.cfg", "memory = 512\n");
        var read = FileFingerprint.Of(File.ReadAllBytes(path));

        AtomicFile.WriteAllBytes(path, "memory = 2048\n"u8, new AtomicFileOptions { ExpectedContent = read });

        Assert.Equal("memory = 2048\n", File.ReadAllText(path));
    }

    [SkippableFact]
    public void A_save_is_refused_while_another_save_holds_the_lock_past_the_timeout_even_when_forced()
    {
        SkipUnlessLinux();
        var path = Write("web01.cfg", "old");
        using (UnixFile.TryLock(Path.Combine(_folder, ".web01.cfg.lock"), TimeSpan.Zero))
        {
            var refusal = Assert.Throws<SaveRefusedException>(() =>
                AtomicFile.WriteAllBytes(path, "new"u8, new AtomicFileOptions { LockTimeout = TimeSpan.Zero, Force = true }));
            Assert.Equal(SaveRefusal.Locked, refusal.Reason);
        }

        Assert.Equal("old", File.ReadAllText(path));
        AtomicFile.WriteAllBytes(path, "new"u8, new AtomicFileOptions { LockTimeout = TimeSpan.Zero });
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void Two_concurrent_edits_of_one_read_never_both_win_over_20_rounds()
    {
        var path = Write("web01.cfg", "round 0\n");
        for (var round = 1; round <= 20; round++)
        {
            var read = FileFingerprint.Of(File.ReadAllBytes(path));
            using var bothRead = new Barrier(2);
            var outcomes = new (bool Saved, string Content)[2];
            var threads = Enumerable.Range(0, 2).Select(writer => new Thread(() =>
            {
                var content = $"round {round} by writer {writer}\n";
                bothRead.SignalAndWait();
                try
                {
                    AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content), new AtomicFileOptions { ExpectedContent = read });
                    outcomes[writer] = (true, content);
                }
                catch (SaveRefusedException refusal) when (refusal.Reason == SaveRefusal.ChangedSinceRead)
                {
                    outcomes[writer] = (false, content);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            var winners = outcomes.Where(o => o.Saved).ToList();
            Assert.Single(winners);
            Assert.Equal(winners[0].Content, File.ReadAllText(path));
        }

        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_loaded_document_refuses_to_save_over_a_change_made_after_it_was_read()
    {
        var path = Write("web01.cfg", "memory = 512\n");
        var document = XenConfig.Domain.Model.DomainConfig.FromDocument(XenConfig.Domain.DomainConfigDocument.Load(path));
        document.Set("memory", XenConfig.Domain.SettingValue.Number(2048));
        File.WriteAllText(path, "memory = 1024\n");

        var refusal = Assert.Throws<SaveRefusedException>(() => document.Save());

        Assert.Equal(SaveRefusal.ChangedSinceRead, refusal.Reason);
        Assert.Equal("memory = 1024\n", File.ReadAllText(path));
        document.Save(options: new AtomicFileOptions { Force = true });
        Assert.Equal("memory = 2048\n", File.ReadAllText(path));
    }

    [SkippableFact]
    public void A_lock_file_left_by_a_killed_save_does_not_block_the_next_save_and_is_removed()
    {
        SkipUnlessLinux();
        var path = Write("web01.cfg", "old");
        var leftover = Write(".web01.cfg.lock", "");

        AtomicFile.WriteAllBytes(path, "new"u8, new AtomicFileOptions { LockTimeout = TimeSpan.Zero });

        Assert.Equal("new", File.ReadAllText(path));
        Assert.False(File.Exists(leftover));
    }

    [SkippableFact]
    public void A_dangling_link_gets_its_target_created_and_stays_a_link()
    {
        var link = Path.Combine(_folder, "web01.cfg");
        File.CreateSymbolicLink(link, "store-web01.cfg");

        AtomicFile.WriteAllBytes(link, "new"u8);

        Assert.Equal("new", File.ReadAllText(Path.Combine(_folder, "store-web01.cfg")));
        Assert.Equal("store-web01.cfg", new FileInfo(link).LinkTarget);
    }

    private static void HardLink(string existing, string link)
    {
        using var process = System.Diagnostics.Process.Start("ln", [existing, link]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static void ChangeOwner(string path, uint user, uint group)
    {
        using var process = System.Diagnostics.Process.Start("chown", [$"{user}:{group}", path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
