namespace Ratsworkflow.Functions.References;

/// <summary>Gap-free reference numbers per series (prefix) and year, assigned at registration.</summary>
public interface IReferenceNumbers
{
    /// <summary>
    /// Assigns the next number of the current year in the series to the motion, or returns the one it already has
    /// (an activity may run twice): a repeated call never consumes a number.
    /// </summary>
    /// <param name="prefix">The series; null for the configured default (<see cref="ReferenceOptions.Prefix"/>).</param>
    Task<Reference> AssignAsync(string motionId, string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>The motion's reference in the series, or null if it has none yet.</summary>
    Task<Reference?> GetAsync(string motionId, string? prefix = null, CancellationToken cancellationToken = default);

    /// <summary>The motion that holds a reference, or null.</summary>
    Task<string?> FindMotionAsync(Reference reference, CancellationToken cancellationToken = default);
}
