namespace XenConfig.Diagnostics;

public static partial class DiagnosticIds
{
    // XC7xxx: conversion between domain configs and libvirt domain XML (XenConfig.Libvirt).

    /// <summary>XC7001: a config key or value that libvirt's xen-xl / xen-xm converter does not carry into domain XML.</summary>
    public static readonly DiagnosticDescriptor LibvirtNotConverted =
        new("XC7001", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "a config key or value has no libvirt domain XML equivalent; it was not converted");

    /// <summary>XC7002: an element or attribute of the domain XML that an xl config cannot express.</summary>
    public static readonly DiagnosticDescriptor LibvirtXmlNotConverted =
        new("XC7002", DiagnosticSeverity.Warning, DiagnosticCategory.Policy, "a domain XML element or attribute has no xl equivalent; it was not converted");

    /// <summary>XC7003: the input cannot be converted at all (no name, an unreadable UUID, a guest type libvirt lacks).</summary>
    public static readonly DiagnosticDescriptor LibvirtConversionFailed =
        new("XC7003", DiagnosticSeverity.Error, DiagnosticCategory.Policy, "the guest cannot be converted");

    /// <summary>XC7004: the domain XML is not well-formed or is not a libvirt domain.</summary>
    public static readonly DiagnosticDescriptor LibvirtXmlInvalid =
        new("XC7004", DiagnosticSeverity.Error, DiagnosticCategory.Syntax, "the file is not libvirt domain XML");

    /// <summary>XC7005: the converter supplied a value the input lacks (a generated UUID or MAC address).</summary>
    public static readonly DiagnosticDescriptor LibvirtDefaultSupplied =
        new("XC7005", DiagnosticSeverity.Info, DiagnosticCategory.Policy, "the converter supplied a value the input does not give");

    private static IEnumerable<DiagnosticDescriptor> LibvirtDescriptors() =>
    [
        LibvirtNotConverted, LibvirtXmlNotConverted, LibvirtConversionFailed, LibvirtXmlInvalid, LibvirtDefaultSupplied,
    ];
}
