using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Ratsworkflow.Functions.Api;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Web;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Web;

/// <summary>The API and the pages answer each outcome kind with the status the services returned before kinds existed.</summary>
public sealed class OutcomeHttpTests
{
    [Theory]
    [InlineData(OutcomeKind.Done, 200)]
    [InlineData(OutcomeKind.Created, 201)]
    [InlineData(OutcomeKind.Accepted, 202)]
    [InlineData(OutcomeKind.Invalid, 400)]
    [InlineData(OutcomeKind.Denied, 403)]
    [InlineData(OutcomeKind.NotFound, 404)]
    [InlineData(OutcomeKind.Conflict, 409)]
    [InlineData(OutcomeKind.Expired, 410)]
    [InlineData(OutcomeKind.KeyReused, 422)]
    [InlineData(OutcomeKind.Unavailable, 503)]
    public void Status_Kind_IsTheStatusTheApiGaveBefore(OutcomeKind kind, int expected)
    {
        Assert.Equal(expected, OutcomeHttp.Status(kind));
    }

    [Fact]
    public void Status_EveryKind_IsItsStoredCode()
    {
        // Acks stored before kinds existed were answered with their number as the status; they still are.
        Assert.All(Enum.GetValues<OutcomeKind>(), kind => Assert.Equal((int)kind, OutcomeHttp.Status(kind)));
    }

    [Fact]
    public void Status_UnknownKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutcomeHttp.Status((OutcomeKind)418));
    }

    [Fact]
    public void Succeeded_EachKind_OnlyDoneCreatedAndAccepted()
    {
        var succeeded = Enum.GetValues<OutcomeKind>().Where(k => k.Succeeded());

        Assert.Equal([OutcomeKind.Done, OutcomeKind.Created, OutcomeKind.Accepted], succeeded);
    }

    [Fact]
    public void From_ExpiredOutcome_IsAProblemWithStatus410AndItsGermanDetail()
    {
        ProblemHttpResult problem = ApiProblems.From(Outcomes.Fail<MotionRecord>(OutcomeKind.Expired, "Der Link ist abgelaufen."));

        Assert.Equal(StatusCodes.Status410Gone, problem.StatusCode);
        Assert.Equal(("Abgelaufen", "Der Link ist abgelaufen."), (problem.ProblemDetails.Title, problem.ProblemDetails.Detail));
    }
}
