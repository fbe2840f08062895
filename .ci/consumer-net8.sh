#!/usr/bin/env bash
# A .NET 8 project can use the packages: packs every package of src/ into a temporary local feed, creates a net8.0
# console app that references all of them from that feed, builds it and runs it (it parses a small config of each
# kind and prints values). The machine may have only the .NET 10 runtime, so the app runs with DOTNET_ROLL_FORWARD=Major
# there; it is built against the net8.0 assemblies of the packages either way. Exit status non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
# A version of its own, so the restore cannot pick a stale copy of 0.1.0 from the global packages folder; that
# folder's copies of this version are removed again on exit.
version="0.0.0-consumer.$(date +%s).$$"
packages=$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: *//')
cleanup() {
  rm -rf "$work"
  for id in xenconfig xenconfig.xm xenconfig.grub xenconfig.fstab xenconfig.validation xenconfig.yaml xenconfig.libvirt xenconfig.cli; do
    rm -rf "${packages%/}/$id/$version"
  done
}
trap cleanup EXIT

feed="$work/feed"
mkdir -p "$feed"
for project in XenConfig XenConfig.Xm XenConfig.Grub XenConfig.Fstab XenConfig.Validation XenConfig.Yaml XenConfig.Libvirt; do
  dotnet pack "src/$project/$project.csproj" -c Release -o "$feed" -p:Version="$version" -nologo -v:q -clp:NoSummary
done
ls "$feed"

app="$work/consumer"
mkdir -p "$app"
# The local feed is added to the sources this machine already uses (the packages' own dependencies come from there).
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="xenconfig-local" value="$feed" />
  </packageSources>
</configuration>
XML
cat > "$app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="XenConfig" Version="$version" />
    <PackageReference Include="XenConfig.Xm" Version="$version" />
    <PackageReference Include="XenConfig.Grub" Version="$version" />
    <PackageReference Include="XenConfig.Fstab" Version="$version" />
    <PackageReference Include="XenConfig.Validation" Version="$version" />
    <PackageReference Include="XenConfig.Yaml" Version="$version" />
    <PackageReference Include="XenConfig.Libvirt" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$app/Program.cs" <<'CS'
using XenConfig.Domain;
using XenConfig.Domain.Model;

const string cfg = "name = \"web01\"\nmemory = 512\nvcpus = 2\ndisk = [ 'phy:/dev/vg0/web01,xvda1,w' ]\nkernel = \"/boot/vmlinuz\"\nroot = \"/dev/xvda1 ro\"\n";
var document = DomainConfigDocument.Parse(cfg, "web01.cfg");
var config = DomainConfig.Parse(cfg, "web01.cfg");
var xm = XenConfig.Xm.DomainConfigSource.Parse(XenConfig.Text.SourceText.From("name = 'old' + 'vm'\nmemory = 256 * 2\n", "old.cfg"));
var fstab = XenConfig.Fstab.FstabDocument.Parse("/dev/xvda1 / ext4 defaults 0 1\n", "fstab");
var menu = XenConfig.Grub.GrubMenuDocument.Parse(XenConfig.Text.SourceText.From("default 0\ntitle Linux\n  root (hd0,0)\n  kernel /vmlinuz root=/dev/xvda1\n", "menu.lst"));
var validation = new XenConfig.Validation.DomainConfigValidator().Validate(config);
var yaml = XenConfig.Yaml.DomainConfigYaml.Export(document);
var xml = XenConfig.Libvirt.LibvirtConverter.ToDomainXml(document);

Console.WriteLine($"runtime {Environment.Version}");
Console.WriteLine($"memory {config.Memory}");
Console.WriteLine($"settings {document.GetValue("vcpus")}");
Console.WriteLine($"disk {config.Disks[0].VirtualDevice?.Name}");
Console.WriteLine($"xm name {xm.ToModel().Name}");
Console.WriteLine($"fstab diagnostics {fstab.Diagnostics.Count}");
Console.WriteLine($"menu diagnostics {menu.Diagnostics.Count}");
Console.WriteLine($"validation errors {validation.Errors.Count}");
Console.WriteLine($"yaml has name {yaml.Contains("web01", StringComparison.Ordinal)}");
Console.WriteLine($"libvirt has name {xml.Text.Contains("<name>web01</name>", StringComparison.Ordinal)}");
CS

dotnet build "$app/Consumer.csproj" -c Release -nologo -v:q -clp:NoSummary
assembly="$app/bin/Release/net8.0/Consumer.dll"
if dotnet --list-runtimes | grep -q '^Microsoft.NETCore.App 8\.'; then
  output=$(dotnet "$assembly")
else
  output=$(DOTNET_ROLL_FORWARD=Major dotnet "$assembly")
fi
echo "$output"
for expected in "memory 512" "disk xvda1" "xm name oldvm" "yaml has name True" "libvirt has name True"; do
  grep -qx "$expected" <<<"$output" || { echo "consumer-net8: expected the line '$expected'" >&2; exit 1; }
done
echo "consumer-net8: a net8.0 app built against the packages from a local feed and ran"
