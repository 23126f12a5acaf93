using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Ratsworkflow.Functions.References;

/// <summary>
/// Reference numbers from an ETag-guarded counter row. The counter increment, the motion's reservation and the
/// number's owner row are written in one entity-group transaction, so a number is consumed exactly when a motion
/// gets it: no gaps (nothing is taken without a motion), no duplicates (the counter's ETag and the owner row), and a
/// second registration of the same motion finds its reservation instead of taking a new number.
/// </summary>
public sealed class ReferenceNumbers : IReferenceNumbers
{
    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly ReferenceOptions _options;
    private volatile bool _tableExists;

    public ReferenceNumbers(TableServiceClient tables, TimeProvider time, IOptions<ReferenceOptions> options)
    {
        _options = options.Value;
        if (!ReferenceSeries.IsValidPrefix(_options.Prefix))
        {
            throw new ArgumentException($"References:Prefix '{_options.Prefix}' must be 1-16 letters, digits or '-'.", nameof(options));
        }
        _table = tables.GetTableClient(_options.TableName);
        _time = time;
    }

    public async Task<Reference> AssignAsync(string motionId, string? prefix = null, CancellationToken cancellationToken = default)
    {
        var series = Series(prefix);
        var partition = ReferenceSeries.PartitionKey(series);
        var table = await TableAsync(cancellationToken);
        for (var attempt = 0; attempt < _options.MaxAttempts; attempt++)
        {
            if (await GetReservationAsync(table, partition, motionId, cancellationToken) is { } existing)
            {
                return existing.ToReference();
            }
            // The year at the council's seat, not in UTC (New Year's night).
            var year = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), Wording.GermanFormat.TimeZone).Year;
            var counter = await table.GetEntityIfExistsAsync<ReferenceCounterEntity>(
                partition, ReferenceSeries.CounterRow(year), cancellationToken: cancellationToken);
            var reference = new Reference(series, year, (counter.HasValue ? counter.Value!.LastNumber : 0) + 1);
            try
            {
                await table.SubmitTransactionAsync(Actions(partition, motionId, reference, counter.HasValue ? counter.Value : null),
                    cancellationToken);
                return reference;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Someone else took this number (counter ETag changed, or the counter was just created) or this
                // motion was registered concurrently: start over; the reservation check returns the latter.
                await BackOffAsync(attempt, cancellationToken);
            }
        }
        throw new InvalidOperationException($"No reference number for motion '{motionId}' after {_options.MaxAttempts} attempts.");
    }

    public async Task<Reference?> GetAsync(string motionId, string? prefix = null, CancellationToken cancellationToken = default)
    {
        var partition = ReferenceSeries.PartitionKey(Series(prefix));
        return (await GetReservationAsync(await TableAsync(cancellationToken), partition, motionId, cancellationToken))?.ToReference();
    }

    public async Task<string?> FindMotionAsync(Reference reference, CancellationToken cancellationToken = default)
    {
        var owner = await (await TableAsync(cancellationToken)).GetEntityIfExistsAsync<MotionReferenceEntity>(
            ReferenceSeries.PartitionKey(Series(reference.Prefix)),
            ReferenceSeries.NumberRow(reference.Year, reference.Number),
            cancellationToken: cancellationToken);
        return owner.HasValue ? owner.Value!.MotionId : null;
    }

    private IEnumerable<TableTransactionAction> Actions(string partition, string motionId, Reference reference, ReferenceCounterEntity? counter)
    {
        var next = new ReferenceCounterEntity
        {
            PartitionKey = partition,
            RowKey = ReferenceSeries.CounterRow(reference.Year),
            Year = reference.Year,
            LastNumber = reference.Number,
        };
        // The first number of a year adds the counter (fails with 409 if a concurrent first one won), every later
        // one replaces it under the ETag that was read (fails with 412 if anyone incremented meanwhile).
        yield return counter is null
            ? new TableTransactionAction(TableTransactionActionType.Add, next)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, counter.ETag);
        yield return new TableTransactionAction(TableTransactionActionType.Add,
            Row(partition, ReferenceSeries.MotionRow(motionId), motionId, reference));
        yield return new TableTransactionAction(TableTransactionActionType.Add,
            Row(partition, ReferenceSeries.NumberRow(reference.Year, reference.Number), motionId, reference));
    }

    private MotionReferenceEntity Row(string partition, string rowKey, string motionId, Reference reference) => new()
    {
        PartitionKey = partition,
        RowKey = rowKey,
        MotionId = motionId,
        Prefix = reference.Prefix,
        Year = reference.Year,
        Number = reference.Number,
        AssignedAt = _time.GetUtcNow(),
    };

    private static async Task<MotionReferenceEntity?> GetReservationAsync(TableClient table, string partition, string motionId,
        CancellationToken cancellationToken)
    {
        if (!ReferenceSeries.IsValidMotionId(motionId))
        {
            throw new ArgumentException($"Motion id '{motionId}' cannot be a table key.", nameof(motionId));
        }
        var found = await table.GetEntityIfExistsAsync<MotionReferenceEntity>(
            partition, ReferenceSeries.MotionRow(motionId), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// Random, growing pause so contenders do not retry in lock-step. Real time on purpose: it spaces storage calls,
    /// it is not a deadline of the workflow, and a test's fake clock must not stall it.
    /// </summary>
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + 5 * Math.Min(attempt, 10))), cancellationToken);

    private string Series(string? prefix)
    {
        var series = prefix ?? _options.Prefix;
        return ReferenceSeries.IsValidPrefix(series)
            ? series
            : throw new ArgumentException($"Reference prefix '{series}' must be 1-16 letters, digits or '-'.", nameof(prefix));
    }

    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
        return _table;
    }
}
