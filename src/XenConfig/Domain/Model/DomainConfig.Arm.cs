using XenConfig.Libxl;

namespace XenConfig.Domain.Model;

/// <summary>Arm keys of xl.cfg(5).</summary>
public sealed partial class DomainConfig
{
    /// <summary><c>gic_version</c>: Arm GIC version: v2, v3 or default. Unset: xl's default, <c>default</c>. Fills <c>b_info.arch_arm.gic_version</c>. As written; <see cref="EffectiveGicVersion"/> is what xl makes of it.</summary>
    public string? GicVersion { get => GetString("gic_version"); set => SetString("gic_version", value); }

    /// <summary><c>vuart</c>: Arm virtual UART: sbsa_uart. Unset: xl leaves it to libxl. Fills <c>b_info.arch_arm.vuart</c>. As written; <see cref="EffectiveVuart"/> is what xl makes of it.</summary>
    public string? Vuart { get => GetString("vuart"); set => SetString("vuart", value); }

    /// <summary><c>sve</c>: Arm SVE vector length. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public string? Sve { get => GetString("sve"); set => SetString("sve", value); }

    /// <summary><c>nr_spis</c>: Arm shared peripheral interrupts. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public long? NrSpis { get => GetNumber("nr_spis"); set => SetNumber("nr_spis", value); }

    /// <summary><c>tee</c>: Arm TEE: none, optee, ffa. Unset: xl's default, <c>none</c>. Fills <c>b_info.tee</c>. As written; <see cref="EffectiveTee"/> is what xl makes of it.</summary>
    public string? Tee { get => GetString("tee"); set => SetString("tee", value); }

    /// <summary><c>trap_unmapped_accesses</c>: Arm: trap unmapped accesses. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public bool? TrapUnmappedAccesses { get => GetBoolean("trap_unmapped_accesses"); set => SetBoolean("trap_unmapped_accesses", value); }

    /// <summary><c>arm_sci</c>: Arm SCI: type=none|scmi_smc. Unset: xl leaves it to libxl. Xen 4.17's xl does not read it (a later Xen's key); <c>ToLibxl()</c> ignores it.</summary>
    public string? ArmSci { get => GetString("arm_sci"); set => SetString("arm_sci", value); }

    /// <summary><c>vuart</c> as libxl's name (<c>unknown</c>, i.e. none, when unset); null when xl refuses it.</summary>
    public string? EffectiveVuart => LibxlProjection.ReadVuart(this);

    /// <summary><c>gic_version</c> as libxl's name (<c>default</c> when unset); null when xl refuses it.</summary>
    public string? EffectiveGicVersion => LibxlProjection.ReadGicVersion(this);

    /// <summary><c>tee</c> as libxl's name (<c>none</c> when unset); null when xl refuses it.</summary>
    public string? EffectiveTee => LibxlProjection.ReadTee(this);
}
