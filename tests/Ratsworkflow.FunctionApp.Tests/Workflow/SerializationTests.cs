using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ratsworkflow.FunctionApp.Hosting;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Durable;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.FunctionApp.Tests.Workflow;

/// <summary>Durable Functions serializes with the worker's serializer: it must write what the local engine writes.</summary>
public sealed class SerializationTests
{
    private static readonly ObjectSerializer Worker = new ServiceCollection().AddRatsworkflowFunctions()
        .BuildServiceProvider().GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;

    [Fact]
    public void Serializer_StepInputWithEnumsAndDates_WritesTheLocalEnginesJson()
    {
        var input = new StepInput<CommandEnvelope>(new WorkflowStep("e1", 3), new CommandEnvelope("c1", MotionCommandType.Withdraw, "Ratsbüro", FollowUpAfter: TimeSpan.FromDays(90)));

        var written = Worker.Serialize(input).ToString();

        Assert.Equal(JsonSerializer.Serialize(input, DurableRegistration.JsonOptions), written);
        Assert.Contains("\"type\":\"Withdraw\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Serializer_WorkflowInputFromTheLocalEngine_ReadsBackEqual()
    {
        var input = new MotionWorkflowInput("m1", new WorkflowSettings(TimeSpan.FromDays(14), TimeSpan.FromDays(3), TimeSpan.FromDays(2), 0.5m, "Europe/Berlin", 6, TimeSpan.FromSeconds(10)),
            new FollowUp(TimeSpan.FromDays(180), 2, new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc)));
        var stored = JsonSerializer.Serialize(input, DurableRegistration.JsonOptions);

        var read = (MotionWorkflowInput?)Worker.Deserialize(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored)), typeof(MotionWorkflowInput), default);

        Assert.Equal(input, read);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Serializer_MeetingCommands_WriteTheLocalEnginesJsonAndReadBackEqual(bool follow)
    {
        // The Sitzungsdienst's commands reach the orchestrator as the "Command" event like every other command.
        ConsultationCommand consultation = follow
            ? new FollowMeeting("rat", "rat.0a1b2c3d", new DateOnly(2026, 12, 18), Cancelled: true)
            : new ScheduleConsultation("rat", null, "rat.0a1b2c3d");
        var command = new CommandEnvelope("c1", MotionCommandType.Consultation, "Ratsbüro", consultation);

        var written = Worker.Serialize(command).ToString();
        var read = (CommandEnvelope?)Worker.Deserialize(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(written)), typeof(CommandEnvelope), default);

        Assert.Equal(JsonSerializer.Serialize(command, DurableRegistration.JsonOptions), written);
        Assert.Equal(consultation, read!.Consultation);
    }
}
