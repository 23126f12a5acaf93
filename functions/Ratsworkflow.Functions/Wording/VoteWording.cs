using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Wording;

/// <summary>Vote counts as every page, mail, agenda and timeline line shows them.</summary>
public static class VoteWording
{
    /// <summary>"Ja 5, Nein 1, Enthaltung 0": the order of a council's vote record, and no plural to get wrong.</summary>
    public static string Counts(VoteCount votes) => $"Ja {votes.Yes}, Nein {votes.No}, Enthaltung {votes.Abstain}";
}
