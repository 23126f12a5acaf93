using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Web;

/// <summary>
/// The one translation of an <see cref="OutcomeKind"/> into HTTP: the JSON API's problems (<see cref="Api.ApiProblems"/>)
/// and the pages that answer a refusal with a status code both use it, so a page and an endpoint never disagree.
/// </summary>
public static class OutcomeHttp
{
    public static int Status(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done => StatusCodes.Status200OK,
        OutcomeKind.Created => StatusCodes.Status201Created,
        OutcomeKind.Accepted => StatusCodes.Status202Accepted,
        OutcomeKind.Invalid => StatusCodes.Status400BadRequest,
        OutcomeKind.Denied => StatusCodes.Status403Forbidden,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        OutcomeKind.Expired => StatusCodes.Status410Gone,
        OutcomeKind.KeyReused => StatusCodes.Status422UnprocessableEntity,
        OutcomeKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unbekannte Art eines Ergebnisses."),
    };
}
