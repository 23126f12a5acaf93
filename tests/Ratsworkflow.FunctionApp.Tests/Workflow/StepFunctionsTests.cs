using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Ratsworkflow.FunctionApp.Functions;
using Ratsworkflow.FunctionApp.Tests.Web;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Ratsworkflow.Testing;

namespace Ratsworkflow.FunctionApp.Tests.Workflow;

/// <summary>The activity functions run the local server's step classes, on the app's storage and mail.</summary>
public sealed class StepFunctionsTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private static readonly List<MethodInfo> Activities = typeof(StepFunctions).GetMethods()
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null).ToList();

    public static TheoryData<string> Steps => new(WorkflowSteps.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Steps))]
    public void Activity_EveryStep_IsAMethodOfTheStepsNameTakingAndGivingTheStepsTypes(string name)
    {
        var step = WorkflowSteps.All.Single(s => s.Name == name);
        var method = Assert.Single(Activities, m => m.GetCustomAttribute<FunctionAttribute>()!.Name == name);
        // The step types of StepCall<TInput, TOutput>: the activity's input envelope and its result.
        var types = step.GetType().GetGenericArguments();
        var parameters = method.GetParameters();

        Assert.Equal(name, method.Name); // the method resolves its step by its own name
        Assert.Equal(typeof(StepInput<>).MakeGenericType(types[0]), parameters[0].ParameterType);
        Assert.NotNull(parameters[0].GetCustomAttribute<ActivityTriggerAttribute>());
        Assert.Equal(("instanceId", typeof(string)), (parameters[1].Name, parameters[1].ParameterType));
        Assert.Equal(typeof(Task<>).MakeGenericType(types[1]), method.ReturnType);
    }

    [Fact]
    public void Activity_NoOtherFunctions_OnlyTheSteps()
    {
        Assert.Equal(WorkflowSteps.All.Count, Activities.Count);
    }

    [Fact]
    public async Task RegisterMotionThenWithdrawMotion_ConfirmedMotion_RunTheSharedStepsOnTheAppsStorage()
    {
        await using var worker = await WorkerHarness.StartAsync(azurite.ConnectionString, mail.MailDev);
        var motionId = await Submission.SubmitAndConfirmAsync(worker);
        var execution = Guid.NewGuid().ToString("N");

        var registered = await worker.Steps.RegisterMotion(new StepInput<RegisterMotionInput>(new WorkflowStep(execution, 0), new RegisterMotionInput()), motionId);
        var afterRegistration = await worker.Clerk.GetFromJsonAsync<JsonElement>($"/api/motions/{motionId}");
        await worker.Steps.WithdrawMotion(new StepInput<CommandInput>(new WorkflowStep(execution, 1), new CommandInput("c1", "Ratsbüro")), motionId);
        var afterWithdrawal = await worker.Clerk.GetFromJsonAsync<JsonElement>($"/api/motions/{motionId}");

        Assert.Equal(motionId, registered.MotionId);
        Assert.Matches(@"^A/\d{4}/\d{4}$", registered.Reference);
        Assert.Equal(registered.Reference, afterRegistration.GetProperty("reference").GetString());
        Assert.Equal(nameof(MotionStage.Registered), afterRegistration.GetProperty("stage").GetString());
        Assert.Equal(nameof(MotionStage.Withdrawn), afterWithdrawal.GetProperty("stage").GetString());
        await worker.Mail.WaitForAsync(all => all.Any(m => m.IsTo(Submission.FactionAddress) && m.Subject.Contains(registered.Reference, StringComparison.Ordinal)));
    }
}
