using System.Text;

namespace XenConfig.Grub.Tests;

/// <summary>
/// Seeded generator of menu.lst files: mostly ordinary guest and host menus, with a sprinkling of every construct on
/// which GRUB and pygrub disagree (separators, numbers, empty titles, continuations, tabs, kernel options, devices).
/// </summary>
public sealed class MenuGenerator(int seed)
{
    private static readonly string[] Devices = ["(hd0,0)", "(hd0,1)", "(hd1,4)", "(hd0)", "(fd0)"];
    private static readonly string[] OddDevices = ["(0x80,1)", "(hd0,0,a)", "(hd1,a)", "(nd)", "(hd0,msdos1)", "(hd0,300)", "(hd0,0"];
    private static readonly string[] Args = ["root=/dev/xvda1 ro", "root=/dev/xvda2 ro console=hvc0 quiet", "ro", "root=UUID=3f1c2a8e acpi_osi=\"!Windows 2012\"", "console=tty0 console=hvc0 -- single", "dom0_mem=1024M loglvl=all"];
    private static readonly string[] Unknown = ["bogus_command some args", "Initrd /boot/initrd.img", "gfxmenu (hd0,0)/message", "savedefault", "boot", "map (hd0) (hd1)", "lock", "makeactive"];
    private readonly Random _random = new(seed);

    public string Next()
    {
        var eol = Chance(0.15) ? "\r\n" : "\n";
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append(eol);

        if (Chance(0.3))
        {
            Line("# generated menu" + (Chance(0.1) ? " \\" : string.Empty));
        }

        foreach (var global in Shuffle(["default", "timeout", "fallback", "hiddenmenu", "color"]))
        {
            if (!Chance(0.6))
            {
                continue;
            }

            Line(global switch
            {
                "default" => "default" + Separator() + (Chance(0.8) ? Pick("0", "1", "2") : Pick("saved", "0x1", "1 # c", "5", "-1", "x", "01", "3")),
                "timeout" => "timeout" + Separator() + (Chance(0.8) ? Pick("5", "0", "10") : Pick("5s", "0x10", "-1", "7 ")),
                "fallback" => "fallback" + Separator() + Pick("1", "1 2", "0"),
                "hiddenmenu" => "hiddenmenu",
                _ => "color light-gray/blue black/light-gray",
            });
        }

        if (Chance(0.05))
        {
            Line("kernel /boot/vmlinuz root=/dev/xvda1");
        }

        var entries = Chance(0.03) ? 0 : _random.Next(1, 5);
        for (var e = 0; e < entries; e++)
        {
            if (Chance(0.3))
            {
                Line(string.Empty);
            }

            if (Chance(0.15))
            {
                Line("# entry " + e.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Chance(0.1) ? " \\" : string.Empty));
            }

            var title = Pick("Debian GNU/Linux", "Xen 4.17", "rescue", "A=B  trailing   ", "CentOS (2.6.18)");
            Line(Chance(0.02) ? "titlebar " + title : Chance(0.02) ? "title" : "title" + Separator() + title + (Chance(0.1) ? "  " : string.Empty));
            if (Chance(0.03))
            {
                continue;
            }

            var indent = Pick("\t", "", "    ", "  ");
            var xen = Chance(0.25);
            var commands = new List<string>();
            if (Chance(0.8))
            {
                commands.Add(Pick("root", "root", "rootnoverify") + Blank() + (Chance(0.95) ? Pick(Devices) : Pick(OddDevices)));
            }

            var kernelPath = xen ? "/boot/xen-4.17-amd64.gz" : Pick("/boot/vmlinuz-6.1.0-18-amd64", "/vmlinuz", "(hd0,0)/boot/vmlinuz");
            var options = Chance(0.03) ? Pick("--type=multiboot ", "--no-mem-option ") : string.Empty;
            var args = Chance(0.85) ? Pick(Args) : null;
            var kernelSep = Chance(0.03) ? "\t" : " ";
            var kernel = "kernel" + Separator() + options + kernelPath + (args is null ? string.Empty : kernelSep + (kernelSep == "\t" ? args.Replace(' ', '\t') : args));
            if (Chance(0.03) && args is not null)
            {
                kernel = "kernel" + Separator() + kernelPath + " \\" + eol + args;
            }

            if (Chance(0.95))
            {
                commands.Add(kernel + (Chance(0.05) ? "   " : string.Empty));
            }

            if (xen)
            {
                commands.Add("module /boot/vmlinuz-6.1.0-18-amd64 root=/dev/mapper/vg0-root ro console=hvc0");
                commands.Add(Pick("module", "modulenounzip") + " /boot/initrd.img-6.1.0-18-amd64");
            }
            else if (Chance(0.7))
            {
                commands.Add("initrd" + Separator() + Pick("/boot/initrd.img-6.1.0-18-amd64", "(hd0,0)/initrd.img", "/initrd.img"));
            }

            if (Chance(0.15))
            {
                commands.Insert(_random.Next(commands.Count + 1), Pick(Unknown));
            }

            if (Chance(0.05))
            {
                commands.Add("timeout 3");
            }

            if (Chance(0.05))
            {
                commands.Insert(0, "chainloader +1");
            }

            foreach (var command in commands)
            {
                if (Chance(0.05))
                {
                    Line(indent + "# note");
                }

                Line(indent + command);
            }
        }

        var result = text.ToString();
        return Chance(0.1) && result.Length > 0 ? result[..^eol.Length] : result;
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];

    private string Separator() => Chance(0.95) ? " " : Pick("=", " = ", "\t", "==", "  ");

    private string Blank() => Chance(0.9) ? " " : "\t";

    private List<string> Shuffle(string[] items) => [.. items.OrderBy(_ => _random.Next())];
}
