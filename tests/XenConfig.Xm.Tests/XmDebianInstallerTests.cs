using XenConfig.Xm;
using XenConfig.Testing;

namespace XenConfig.Xm.Tests;

/// <summary>The 2009 Debian installer xm config: xm_vars checks with lambdas, globals, print, try/except, class.</summary>
public sealed class XmDebianInstallerTests
{
    private static XmEvaluation Evaluate(Dictionary<string, string> variables) =>
        XmConfig.Load(Path.Combine(RepositoryPaths.Corpus("xm"), "debian-installer-2009__xm-debian.cfg"), new XmEvaluationOptions { Variables = variables });

    [Fact]
    public void Without_install_the_debian_installer_config_boots_with_pygrub()
    {
        var evaluation = Evaluate([]);
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        Assert.Equal("pygrub", evaluation.Settings["bootloader"].Text);
        Assert.Equal(11, evaluation.DeclaredVariables.Count);
        Assert.Contains(evaluation.Diagnostics, d => d.Id == "XC1103" && d.Message.StartsWith("'class' statement", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cdrom_install_runs_the_xm_vars_checks_lambdas_and_try_except_of_the_debian_installer_config()
    {
        var evaluation = Evaluate(new() { ["install"] = "true", ["install-method"] = "cdrom", ["install-media"] = "/srv/d.iso", ["install-arch"] = "amd64" });
        Assert.False(evaluation.HasErrors, string.Join("\n", evaluation.Diagnostics));
        Assert.Equal("[\"file:/srv/d.iso,xvdd:cdrom,r\", \"file:/path/to/disk.img,xvda,w\"]", evaluation.Settings["disk"].ToString());
        Assert.Equal("--kernel=/install.amd/xen/vmlinuz --ramdisk=/install.amd/xen/initrd.gz", evaluation.Settings["bootargs"].Text);
        Assert.Equal("debian-installer/exit/always_halt=true -- quiet console=hvc0", evaluation.Settings["extra"].Text);
        Assert.Equal(["Install Media: /srv/d.iso", "Installer: /install.amd", "From CD", "command line is \"debian-installer/exit/always_halt=true -- quiet console=hvc0\""], evaluation.Output);
    }

    [Fact]
    public void A_network_install_stops_at_the_urllib_import_with_a_diagnostic()
    {
        var evaluation = Evaluate(new() { ["install"] = "true", ["install-method"] = "network" });
        var error = Assert.Single(evaluation.Diagnostics, d => d.IsError);
        Assert.Equal("XC1105", error.Id);
        Assert.Equal(204, error.Location.Start.Line + 1);
    }
}
