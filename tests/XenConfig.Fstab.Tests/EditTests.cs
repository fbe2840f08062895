using System.Text;
using XenConfig.Fstab.Model;
using XenConfig.Testing;

namespace XenConfig.Fstab.Tests;

public sealed class EditTests
{
    private const string Aligned =
        "# /etc/fstab for a Xen PV guest (xvd* devices)\n" +
        "# <spec>       <file>  <type>  <options>          <dump> <pass>\n" +
        "/dev/xvda1     /       ext4    errors=remount-ro  0      1\n" +
        "/dev/xvda2     none    swap    sw                 0      0\n" +
        "proc           /proc   proc    defaults           0      0\n";

    [Theory]
    [InlineData("  /dev/xvda1\t/ ext4 errors=remount-ro,,  0   01 extra # note\r\nLABEL=my\\040disk /mnt/a\\x20 xfs\n/x /y z w\n")]
    [InlineData(Aligned)]
    [InlineData("UUID=\"a b\" /\\040 +0 -1 060 #x\r")]
    public void Setting_every_field_to_its_current_value_changes_no_byte(string text)
    {
        var fstab = FstabFile.FromDocument(FstabDocument.Parse(text));
        foreach (var entry in fstab.Entries)
        {
            entry.Source = FstabSource.Parse(entry.Source.Text);
            entry.MountPoint = entry.MountPoint;
            entry.FileSystemType = entry.FileSystemType;
            entry.Options = MountOptions.Parse(entry.Options.ToString());
            entry.Dump = entry.Dump;
            entry.Pass = entry.Pass;
            foreach (var option in entry.Options)
            {
                entry.SetOption(option.Name, option.Value);
            }

            entry.RemoveOption("not-there");
        }

        Assert.Equal(text, fstab.ToString());
    }

    [SkippableFact]
    public void Adding_a_pass_after_a_dump_libmount_accepts_only_at_the_end_of_the_line_is_refused_and_changes_nothing()
    {
        // strtol overflows on the dump number; libmount takes it at the end of the line but not before a pass field.
        const string Text = "\\04 /home udf,iso9660 =a 9223372036854775808\n";
        Oracles.Require(Oracles.LibMount);
        var tables = Oracles.LibMount.Run([Encoding.UTF8.GetBytes(Text), Encoding.UTF8.GetBytes(Text.TrimEnd('\n') + " 1\n")]);
        Assert.Empty(tables[0].ErrorLines);
        Assert.NotEmpty(tables[1].ErrorLines);

        var fstab = FstabFile.FromDocument(FstabDocument.Parse(Text));
        var entry = Assert.Single(fstab.Entries);
        var refusal = Assert.Throws<InvalidOperationException>(() => entry.Pass = 1);
        Assert.Contains("line 1", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(Text, fstab.ToString());
        Assert.Empty(fstab.Document.Diagnostics);
        Assert.Equal(0, entry.Pass);
    }

    [Fact]
    public void Changing_a_device_keeps_the_columns_of_an_aligned_file()
    {
        var fstab = FstabFile.Parse(Aligned);
        fstab.Find("/")!.Source = FstabSource.Tag("UUID", "0a1b2c3d");
        Assert.Equal(Aligned.Replace("/dev/xvda1     /", "UUID=0a1b2c3d  /"), fstab.ToString());
    }

    [Fact]
    public void Adding_an_entry_follows_the_alignment_and_goes_at_the_end()
    {
        var fstab = FstabFile.Parse(Aligned);
        fstab.AddEntry("/dev/xvdb1", "/srv/data", "xfs", "noatime,nofail", 0, 2);
        Assert.Equal(Aligned + "/dev/xvdb1     /srv/data xfs   noatime,nofail     0      2\n", fstab.ToString());
    }

    [Fact]
    public void Adding_to_a_space_aligned_file_pads_every_field_to_its_column()
    {
        const string text =
            "tmpfs                   /dev/shm                tmpfs   defaults        0 0\n" +
            "devpts                  /dev/pts                devpts  gid=5,mode=620  0 0\n" +
            "proc                    /proc                   proc    defaults        0 0\n";
        var fstab = FstabFile.Parse(text);
        fstab.AddEntry("/dev/xvdb1", "/srv", "xfs", "defaults", 0, 2);
        Assert.Equal(text + "/dev/xvdb1              /srv                    xfs     defaults        0 2\n", fstab.ToString());
    }

    [Fact]
    public void Adding_to_a_tab_separated_file_uses_tabs()
    {
        const string text = "/dev/a\t/\text4\tdefaults\t0\t1\n/dev/bb\t/home\text4\tdefaults\t0\t2\n";
        var fstab = FstabFile.Parse(text);
        fstab.AddEntry("/dev/xvdb1", "/srv", "xfs", "defaults", 0, 2);
        Assert.Equal(text + "/dev/xvdb1\t/srv\txfs\tdefaults\t0\t2\n", fstab.ToString());
    }

    [Fact]
    public void Adding_a_parent_mount_point_puts_it_before_its_children_and_their_comments()
    {
        var text = "/dev/xvda1 / ext4 defaults 0 1\n# logs\n/dev/xvdb1 /var/log ext4 defaults 0 2\n";
        var fstab = FstabFile.Parse(text);
        fstab.AddEntry("/dev/xvdc1", "/var", "ext4", "defaults", 0, 2);
        Assert.Equal(
            "/dev/xvda1 / ext4 defaults 0 1\n/dev/xvdc1 /var ext4 defaults 0 2\n# logs\n/dev/xvdb1 /var/log ext4 defaults 0 2\n",
            fstab.ToString());
    }

    [Fact]
    public void Adding_to_a_crlf_file_without_final_newline_uses_crlf()
    {
        var fstab = FstabFile.Parse("/dev/xvda1\t/\text4\tdefaults\t0\t1\r\n/dev/xvda2\tnone\tswap\tsw\t0\t0");
        fstab.AddEntry("proc", "/proc", "proc");
        Assert.Equal(
            "/dev/xvda1\t/\text4\tdefaults\t0\t1\r\n/dev/xvda2\tnone\tswap\tsw\t0\t0\r\nproc\t/proc\tproc\tdefaults\t0\t0",
            fstab.ToString());
    }

    [Fact]
    public void Adding_to_an_empty_file_writes_six_fields_separated_by_spaces()
    {
        var fstab = FstabFile.Parse(string.Empty);
        fstab.AddEntry("LABEL=root", "/", "ext4", "defaults", 0, 1);
        Assert.Equal("LABEL=root / ext4 defaults 0 1\n", fstab.ToString());
    }

    [Fact]
    public void Removing_an_entry_removes_its_comment_block_but_not_the_file_header()
    {
        var text = "# header\n/dev/xvda1 / ext4 defaults 0 1\n\n# the data disk\n# (xvdb)\n/dev/xvdb1 /srv xfs defaults 0 0\nproc /proc proc defaults 0 0\n";
        var fstab = FstabFile.Parse(text);
        Assert.True(fstab.RemoveEntry(fstab.Find("/srv")!));
        Assert.Equal("# header\n/dev/xvda1 / ext4 defaults 0 1\n\nproc /proc proc defaults 0 0\n", fstab.ToString());
        Assert.True(fstab.RemoveEntry(fstab.Find("/")!));
        Assert.Equal("# header\n\nproc /proc proc defaults 0 0\n", fstab.ToString());
    }

    [Fact]
    public void Removing_the_last_line_of_a_file_without_final_newline_keeps_it_without()
    {
        var fstab = FstabFile.Parse("/dev/xvda1 / ext4 defaults 0 1\nproc /proc proc defaults 0 0");
        fstab.RemoveEntry(fstab.Find("/proc")!);
        Assert.Equal("/dev/xvda1 / ext4 defaults 0 1", fstab.ToString());
    }

    [Fact]
    public void Changing_one_option_keeps_the_others_as_written()
    {
        var fstab = FstabFile.Parse("/dev/xvda1 / ext4 noatime,,context=\"a,b\",errors=remount-ro,x-systemd.automount 0 1\n");
        var root = fstab.Find("/")!;
        root.SetOption("errors", "panic");
        root.SetOption("commit", "30");
        root.RemoveOption("x-systemd.automount");
        Assert.Equal("/dev/xvda1 / ext4 noatime,,context=\"a,b\",errors=panic,commit=30 0 1\n", fstab.ToString());
    }

    [Fact]
    public void An_option_value_with_a_comma_is_quoted()
    {
        var fstab = FstabFile.Parse("/dev/xvda1 / ext4 defaults 0 1\n");
        fstab.Find("/")!.SetOption("context", "system_u:object_r:t:s0:c1,c2");
        Assert.Equal("/dev/xvda1 / ext4 defaults,context=\"system_u:object_r:t:s0:c1,c2\" 0 1\n", fstab.ToString());
        Assert.Equal("\"system_u:object_r:t:s0:c1,c2\"", fstab.Find("/")!.Options.GetValue("context"));
    }

    [Fact]
    public void Values_with_blanks_and_backslashes_are_escaped()
    {
        var fstab = FstabFile.Parse("/dev/xvda1 / ext4 defaults 0 1\n");
        var entry = fstab.AddEntry("#odd\\source", "/mnt/my disk\tx\ny", "ext4", "defaults");
        Assert.Equal("/dev/xvda1 / ext4 defaults 0 1\n\\043odd\\134source /mnt/my\\040disk\\011x\\012y ext4 defaults 0 0\n", fstab.ToString());
        Assert.Equal("#odd\\source", entry.Source.Text);
        Assert.Equal("/mnt/my disk\tx\ny", entry.MountPoint);
    }

    [Fact]
    public void Setting_dump_and_pass_on_a_short_line_writes_the_missing_fields()
    {
        var fstab = FstabFile.Parse("/dev/xvda1 / ext4\n/dev/xvdb1 /b ext4 ro\n");
        fstab.Find("/")!.Pass = 1;
        fstab.Find("/b")!.Dump = 1;
        Assert.Equal("/dev/xvda1 / ext4 defaults 0 1\n/dev/xvdb1 /b ext4 ro 1\n", fstab.ToString());
    }

    [Fact]
    public void Removing_the_only_option_writes_defaults()
    {
        var fstab = FstabFile.Parse("/dev/xvda1 / ext4 noatime 0 1\n");
        fstab.Find("/")!.RemoveOption("noatime");
        Assert.Equal("/dev/xvda1 / ext4 defaults 0 1\n", fstab.ToString());
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("")]
    public void Writers_refuse_values_they_cannot_write(string value)
    {
        var fstab = FstabFile.Parse("/dev/xvda1 / ext4 defaults 0 1\n");
        var root = fstab.Find("/")!;
        Assert.Throws<ArgumentException>(() => root.MountPoint = value);
        Assert.Throws<ArgumentException>(() => root.FileSystemType = value);
        Assert.Throws<ArgumentException>(() => fstab.AddEntry(value, "/x", "ext4"));
        Assert.Equal("/dev/xvda1 / ext4 defaults 0 1\n", fstab.ToString());
    }

    [Fact]
    public void Option_names_and_values_that_would_change_meaning_are_refused()
    {
        var options = MountOptions.Parse("defaults");
        Assert.Throws<ArgumentException>(() => options.With("a,b"));
        Assert.Throws<ArgumentException>(() => options.With("a=b"));
        Assert.Throws<ArgumentException>(() => options.With("a", "x,\"y\""));
        Assert.Throws<ArgumentException>(() => options.With("a", "\"x"));
        Assert.Throws<ArgumentException>(() => options.With("a", "x\0"));
    }

    [Fact]
    public void Save_writes_the_edited_text_and_keeps_untouched_bytes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fstab-save-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(path, [.. "# caf\u00e9\n/dev/xvda1 / ext4 defaults 0 1\r\n"u8]);
            var fstab = FstabFile.Load(path);
            fstab.Find("/")!.Pass = 2;
            fstab.Save(path);
            Assert.Equal("# caf\u00e9\n/dev/xvda1 / ext4 defaults 0 2\r\n"u8.ToArray(), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Editing_a_latin1_file_keeps_its_bytes_and_refuses_characters_it_cannot_hold()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fstab-latin1-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(path, [(byte)'#', 0xE9, (byte)'\n', .. "/dev/xvda1 / ext4 defaults 0 1\n"u8]);
            var fstab = FstabFile.Load(path);
            Assert.Throws<ArgumentException>(() => fstab.Find("/")!.MountPoint = "/\u4e2d");
            fstab.Find("/")!.MountPoint = "/\u00e9";
            fstab.Save(path);
            Assert.Equal([(byte)'#', 0xE9, (byte)'\n', .. "/dev/xvda1 /"u8, 0xE9, .. " ext4 defaults 0 1\n"u8], File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
