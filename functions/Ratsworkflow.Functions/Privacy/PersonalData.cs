using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Privacy;

/// <summary>
/// What the retention job erases from a motion: the submitter, each Beirat member's vote and comment, and any address
/// or name of theirs in the timeline. What stays is the decision record (docs/design.md §1): reference, title, every
/// wording of the resolution text, the faction, each consultation with its date, outcome and counts, the Beirat's counts.
/// </summary>
public static class PersonalData
{
    public const string ErasedText = "[gelöscht]";

    public static MotionRecord Erase(MotionRecord motion, DateTimeOffset now) => motion with
    {
        SubmitterName = "",
        SubmitterEmail = "",
        Beirat = motion.Beirat is { } beirat ? beirat with { MemberVotes = null } : null,
        Acks = [],
        FailureReason = null,
        PersonalDataDeletedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The submitter acted for the faction, so "Fraktion" keeps the entry's meaning without the person.</summary>
    public static TimelineEntry Erase(TimelineEntry entry, MotionRecord motion) => entry with
    {
        Text = Scrub(entry.Text, motion),
        Actor = entry.Actor is null ? null : entry.Actor == motion.SubmitterName ? "Fraktion" : Scrub(entry.Actor, motion),
    };

    private static string Scrub(string text, MotionRecord motion)
    {
        var scrubbed = Redaction.EmailAddress().Replace(text, ErasedText);
        return motion.SubmitterName.Length > 0 ? scrubbed.Replace(motion.SubmitterName, ErasedText, StringComparison.Ordinal) : scrubbed;
    }
}
