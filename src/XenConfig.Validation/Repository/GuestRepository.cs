namespace XenConfig.Validation;

/// <summary>The guests of a VM repository, the input of <see cref="RepositoryValidator"/>.</summary>
public sealed class GuestRepository
{
    private IReadOnlyList<GuestSummary>? _summaries;

    /// <summary>Creates a repository of <paramref name="guests"/>, in the order their files are reported.</summary>
    public GuestRepository(IEnumerable<Guest> guests)
    {
        ArgumentNullException.ThrowIfNull(guests);
        Guests = guests.ToList();
    }

    // Repository validation keeps only what the cross-checks read of each guest, not the guests' documents.
    internal GuestRepository(IReadOnlyList<GuestSummary> summaries)
    {
        Guests = [];
        _summaries = summaries;
    }

    /// <summary>The guests; "first" and "later" in repository diagnostics follow this order.</summary>
    public IReadOnlyList<Guest> Guests { get; }

    internal IReadOnlyList<GuestSummary> Summaries => _summaries ??= Guests.Select(guest => GuestSummary.Of(guest.Config)).ToList();
}
