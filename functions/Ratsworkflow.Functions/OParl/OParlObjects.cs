using System.Text.Json.Serialization;

namespace Ratsworkflow.Functions.OParl;

// The OParl 1.1 objects the API serves (https://schema.oparl.org/1.1/), each with the properties Ratsworkflow
// knows. Null properties are left out; times are in the body's time zone with offset; no e-mail address anywhere.

public static class OParlTypes
{
    public const string Version = "https://schema.oparl.org/1.1/";
    public const string System = Version + "System";
    public const string Body = Version + "Body";
    public const string Organization = Version + "Organization";
    public const string Person = Version + "Person";
    public const string Membership = Version + "Membership";
    public const string Meeting = Version + "Meeting";
    public const string AgendaItem = Version + "AgendaItem";
    public const string Paper = Version + "Paper";
    public const string Consultation = Version + "Consultation";
    public const string File = Version + "File";
}

/// <summary>created/modified of every object: the two OParl filters work on them.</summary>
public abstract record OParlObject
{
    [JsonPropertyOrder(-2)]
    public required string Id { get; init; }

    [JsonPropertyOrder(-1)]
    public string Type => TypeName;

    [JsonPropertyOrder(1)]
    public required DateTimeOffset Created { get; init; }

    [JsonPropertyOrder(2)]
    public required DateTimeOffset Modified { get; init; }

    protected abstract string TypeName { get; }
}

public sealed record OParlSystem : OParlObject
{
    protected override string TypeName => OParlTypes.System;
    public string OparlVersion => OParlTypes.Version;
    public required string Body { get; init; }
    public required string Name { get; init; }
    public string? Website { get; init; }
    public string? Product { get; init; }
    public string? Web { get; init; }
}

public sealed record OParlBody : OParlObject
{
    protected override string TypeName => OParlTypes.Body;
    public required string System { get; init; }
    public required string ShortName { get; init; }
    public required string Name { get; init; }
    public string? Website { get; init; }
    public required string Organization { get; init; }
    public required string Person { get; init; }
    public required string Meeting { get; init; }
    public required string Paper { get; init; }
    public required string AgendaItem { get; init; }
    public required string Consultation { get; init; }
    public required string File { get; init; }
    public required string Membership { get; init; }
    public IReadOnlyList<object> LegislativeTerm { get; init; } = [];
    public string? Web { get; init; }
}

public sealed record OParlOrganization : OParlObject
{
    protected override string TypeName => OParlTypes.Organization;
    public required string Body { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<string> Membership { get; init; }
    public string? Meeting { get; init; }
    public string? Consultation { get; init; }
    public required string OrganizationType { get; init; }
    public required string Classification { get; init; }
}

public sealed record OParlPerson : OParlObject
{
    protected override string TypeName => OParlTypes.Person;
    public required string Body { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<OParlMembership> Membership { get; init; }
}

public sealed record OParlMembership : OParlObject
{
    protected override string TypeName => OParlTypes.Membership;
    public required string Person { get; init; }
    public required string Organization { get; init; }
    public string? Role { get; init; }
    public required bool VotingRight { get; init; }
}

public sealed record OParlMeeting : OParlObject
{
    protected override string TypeName => OParlTypes.Meeting;
    public required string Name { get; init; }
    public required string MeetingState { get; init; }
    public required bool Cancelled { get; init; }

    /// <summary>The meeting's day and start in local time; 00:00 while the start is not fixed.</summary>
    public required DateTimeOffset Start { get; init; }

    public required IReadOnlyList<string> Organization { get; init; }
    public required IReadOnlyList<OParlAgendaItem> AgendaItem { get; init; }
}

public sealed record OParlAgendaItem : OParlObject
{
    protected override string TypeName => OParlTypes.AgendaItem;
    public required string Meeting { get; init; }
    public required string Number { get; init; }
    public required int Order { get; init; }
    public required string Name { get; init; }

    /// <summary>False in the meeting's non-public part (nichtöffentlicher Teil).</summary>
    public required bool Public { get; init; }
    public required string Consultation { get; init; }
    public string? Result { get; init; }

    /// <summary>The Beschlussvorschlag as the result left it; only once a result is recorded.</summary>
    public string? ResolutionText { get; init; }
}

public sealed record OParlPaper : OParlObject
{
    protected override string TypeName => OParlTypes.Paper;
    public required string Body { get; init; }
    public required string Name { get; init; }
    public required string Reference { get; init; }
    public required DateOnly Date { get; init; }
    public string PaperType => "Antrag";
    public required OParlFile MainFile { get; init; }
    public IReadOnlyList<OParlFile>? AuxiliaryFile { get; init; }
    public required IReadOnlyList<string> OriginatorOrganization { get; init; }
    public required IReadOnlyList<OParlConsultation> Consultation { get; init; }
    public required IReadOnlyList<string> Keyword { get; init; }
    public required string Web { get; init; }
}

public sealed record OParlConsultation : OParlObject
{
    protected override string TypeName => OParlTypes.Consultation;
    public required string Paper { get; init; }
    public string? AgendaItem { get; init; }
    public string? Meeting { get; init; }
    public required IReadOnlyList<string> Organization { get; init; }
    public required bool Authoritative { get; init; }
    public required string Role { get; init; }
    public IReadOnlyList<string>? Keyword { get; init; }
}

public sealed record OParlFile : OParlObject
{
    protected override string TypeName => OParlTypes.File;
    public required string Name { get; init; }
    public required string FileName { get; init; }
    public string MimeType { get; init; } = "text/html";
    public long? Size { get; init; }
    public required DateOnly Date { get; init; }
    public required string AccessUrl { get; init; }
    public required string DownloadUrl { get; init; }
    public required IReadOnlyList<string> Paper { get; init; }
}

/// <summary>One page of an external object list (OParl 1.1 "Paginierung").</summary>
public sealed record OParlListPage<T>(IReadOnlyList<T> Data, OParlPagination Pagination, OParlLinks Links);

public sealed record OParlPagination(int ElementsPerPage, int CurrentPage, int? TotalElements = null, int? TotalPages = null);

public sealed record OParlLinks(string First, string Self, string? Prev = null, string? Next = null, string? Last = null);
