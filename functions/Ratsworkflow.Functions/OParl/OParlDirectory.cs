using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.OParl;

/// <summary>
/// The objects that come from the organization catalog: system, body, organizations, and the members the catalog
/// names, as Person and Membership. Members of a council body hold a public office, so their name, role and voting
/// right are published; their e-mail addresses never are, nor the clerks' or anyone else's.
/// </summary>
public sealed class OParlDirectory
{
    private OParlDirectory(OParlSystem system, OParlBody body, IReadOnlyList<OParlOrganization> organizations, IReadOnlyList<OParlPerson> people)
    {
        System = system;
        Body = body;
        Organizations = organizations;
        People = people;
        Memberships = people.SelectMany(p => p.Membership).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    public OParlSystem System { get; }
    public OParlBody Body { get; }
    public IReadOnlyList<OParlOrganization> Organizations { get; }
    public IReadOnlyList<OParlPerson> People { get; }
    public IReadOnlyList<OParlMembership> Memberships { get; }

    public static string SystemKey => "system";

    public static string BodyKey(Body body) => "body|" + body.Id;

    public static string OrganizationKey(Organization organization) => "organization|" + organization.Id;

    public static string PersonKey(string memberId) => "person|" + memberId;

    public static string MembershipKey(Organization organization, Member member) => "membership|" + organization.Id + "|" + member.Id;

    /// <summary>
    /// What makes each published object (a change of it is a modification of that object), and when the catalog row it
    /// comes from was written: the time a new or changed object is stamped with, whenever a client first asks.
    /// </summary>
    public static IReadOnlyDictionary<string, CatalogVersion> Fingerprints(OrganizationCatalog catalog)
    {
        var body = catalog.Body.ChangedAt;
        var fingerprints = new Dictionary<string, CatalogVersion>(StringComparer.Ordinal)
        {
            [SystemKey] = new(OParlTypes.Version, body),
            [BodyKey(catalog.Body)] = new(string.Join("\n", catalog.Body.Id, catalog.Body.Name), body),
        };
        foreach (var organization in catalog.Organizations)
        {
            fingerprints[OrganizationKey(organization)] = new(
                string.Join("\n", [organization.Name, organization.Kind.ToString(), .. organization.Members.Select(m => m.Id)]),
                organization.ChangedAt);
            foreach (var member in organization.Members)
            {
                fingerprints[MembershipKey(organization, member)] = new(string.Join("\n", member.Role, member.IsVoting), organization.ChangedAt);
            }
        }
        foreach (var person in catalog.Organizations.SelectMany(o => o.Members.Select(m => (Organization: o, Member: m)))
            .GroupBy(x => x.Member.Id, StringComparer.Ordinal))
        {
            fingerprints[PersonKey(person.Key)] = new(
                string.Join("\n", person.First().Member.Name, string.Join(",", person.Select(x => x.Organization.Id))),
                person.Max(x => x.Organization.ChangedAt));
        }
        return fingerprints;
    }

    public static OParlDirectory Build(OrganizationCatalog catalog, IReadOnlyDictionary<string, Stamp> stamps, OParlUrls urls, string systemName)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalog.Body.TimeZone);
        DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);
        Stamp StampOf(string key) => stamps.TryGetValue(key, out var stamp) ? stamp : new Stamp(default, default);

        var systemStamp = StampOf(SystemKey);
        var system = new OParlSystem
        {
            Id = urls.System,
            Body = urls.Bodies,
            Name = systemName,
            Website = urls.Base,
            Web = urls.Base + "/antraege",
            Created = Local(systemStamp.Created),
            Modified = Local(systemStamp.Modified),
        };
        var bodyStamp = StampOf(BodyKey(catalog.Body));
        var body = new OParlBody
        {
            Id = urls.Body,
            System = urls.System,
            ShortName = catalog.Body.ReferencePrefix,
            Name = catalog.Body.Name,
            Website = urls.Base,
            Organization = urls.BodyList("organizations"),
            Person = urls.BodyList("people"),
            Meeting = urls.BodyList("meetings"),
            Paper = urls.BodyList("papers"),
            AgendaItem = urls.BodyList("agenda-items"),
            Consultation = urls.BodyList("consultations"),
            File = urls.BodyList("files"),
            Membership = urls.BodyList("memberships"),
            Web = urls.Base + "/antraege",
            Created = Local(bodyStamp.Created),
            Modified = Local(bodyStamp.Modified),
        };
        var organizations = catalog.Organizations.Select(o =>
        {
            var stamp = StampOf(OrganizationKey(o));
            var meets = o.Kind is not OrganizationKind.Faction;
            return new OParlOrganization
            {
                Id = urls.Organization(o.Id),
                Body = urls.Body,
                Name = o.Name,
                Membership = o.Members.Select(m => urls.Membership(o.Id, m.Id)).ToList(),
                Meeting = meets ? urls.Organization(o.Id) + "/meetings" : null,
                Consultation = meets ? urls.Organization(o.Id) + "/consultations" : null,
                OrganizationType = o.Kind == OrganizationKind.Faction ? "Fraktion" : "Gremium",
                Classification = Classification(o),
                Created = Local(stamp.Created),
                Modified = Local(stamp.Modified),
            };
        }).ToList();
        var people = catalog.Organizations
            .SelectMany(o => o.Members.Select(m => (Organization: o, Member: m)))
            .GroupBy(x => x.Member.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var stamp = StampOf(PersonKey(g.Key));
                return new OParlPerson
                {
                    Id = urls.Person(g.Key),
                    Body = urls.Body,
                    Name = g.First().Member.Name,
                    Membership = g.Select(x =>
                    {
                        var membershipStamp = StampOf(MembershipKey(x.Organization, x.Member));
                        return new OParlMembership
                        {
                            Id = urls.Membership(x.Organization.Id, x.Member.Id),
                            Person = urls.Person(g.Key),
                            Organization = urls.Organization(x.Organization.Id),
                            Role = x.Member.Role,
                            VotingRight = x.Member.IsVoting,
                            Created = Local(membershipStamp.Created),
                            Modified = Local(membershipStamp.Modified),
                        };
                    }).ToList(),
                    Created = Local(stamp.Created),
                    Modified = Local(stamp.Modified),
                };
            }).ToList();
        return new OParlDirectory(system, body, organizations, people);
    }

    /// <summary>OParl's recommended classifications (glossary in docs/design.md §6).</summary>
    public static string Classification(Organization organization) => organization.Kind switch
    {
        OrganizationKind.Faction => organization.Name.Contains("Gruppe", StringComparison.Ordinal) ? "Gruppe" : "Fraktion",
        OrganizationKind.AdvisoryBoard => "Beirat",
        OrganizationKind.Committee => "Ausschuss",
        OrganizationKind.Council => "Parlament",
        _ => "Sonstiges",
    };
}
