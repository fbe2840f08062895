namespace XenConfig.Validation;

/// <summary>The guests of a VM repository, the input of <see cref="RepositoryValidator"/>.</summary>
public sealed class GuestRepository
{
    /// <summary>Creates a repository of <paramref name="guests"/>, in the order their files are reported.</summary>
    public GuestRepository(IEnumerable<Guest> guests)
    {
        ArgumentNullException.ThrowIfNull(guests);
        Guests = guests.ToList();
    }

    /// <summary>The guests; "first" and "later" in repository diagnostics follow this order.</summary>
    public IReadOnlyList<Guest> Guests { get; }
}
