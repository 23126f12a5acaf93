using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Ratsworkflow.Durable.Storage;

/// <summary>
/// A message that is not even Base64 (written by hand or by another tool) is dropped from every receive by the queue
/// client and would stay invisible, and in the queue, for ever. It goes to the poison queue like any other garbage:
/// it names no instance, so it only needs to be visible to an operator (and logged).
/// </summary>
internal static class UndecodableMessages
{
    public static void MoveToPoison(QueueClientOptions options, Func<string, QueueClient> poisonQueueFor, ILogger logger) =>
        options.MessageDecodingFailed += async args =>
        {
            if (args.ReceivedMessage is not { } message)
            {
                return;
            }
            await poisonQueueFor(args.Queue.Name).SendMessageAsync(BinaryData.FromBytes(message.Body.ToArray()), cancellationToken: args.CancellationToken);
            await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
            logger.LogError("Poison message on {Queue}: not Base64, names no instance; moved to the poison queue.", args.Queue.Name);
        };
}
