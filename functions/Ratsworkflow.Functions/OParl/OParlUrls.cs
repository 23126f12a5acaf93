using System.Globalization;

namespace Ratsworkflow.Functions.OParl;

/// <summary>
/// Every object's id: an absolute URL under <c>App:PublicBaseUrl</c>, built only from stable keys (organization and
/// member ids from the catalog, motion and meeting ids), so an id never changes while the object exists.
/// </summary>
public sealed class OParlUrls(Uri publicBaseUrl, string bodyId)
{
    public const string Prefix = "/oparl/v1.1";

    public string Base { get; } = publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public string System => Base + Prefix;

    public string Bodies => System + "/bodies";

    public string Body => Bodies + "/" + bodyId;

    /// <summary>A list of the body: organizations, people, memberships, meetings, papers, agenda-items, consultations, files.</summary>
    public string BodyList(string name) => Body + "/" + name;

    public string Organization(string id) => System + "/organizations/" + id;

    public string Person(string id) => System + "/people/" + id;

    public string Membership(string organizationId, string memberId) => System + "/memberships/" + organizationId + "/" + memberId;

    public string Meeting(string meetingId) => System + "/meetings/" + meetingId;

    /// <summary>A motion's TOP on a meeting's agenda: stable while the TOP's number changes with the order.</summary>
    public string AgendaItem(string meetingId, string motionId) => System + "/agenda-items/" + meetingId + "/" + motionId;

    public string Paper(string motionId) => System + "/papers/" + motionId;

    /// <param name="occurrence">1 for the organization's first consultation of the motion, 2 after a referral back to it, …</param>
    public string Consultation(string motionId, string organizationId, int occurrence) =>
        Paper(motionId) + "/consultations/" + organizationId + "/" + occurrence.ToString(CultureInfo.InvariantCulture);

    public string File(string motionId) => System + "/files/" + motionId;

    public string FileAccess(string motionId) => File(motionId) + "/antrag.html";

    public string FileDownload(string motionId) => File(motionId) + "/download";

    /// <summary>An Anlage of a motion as an OParl File; <paramref name="number"/> is its 1-based position.</summary>
    public string Attachment(string motionId, int number) => File(motionId) + "/anlagen/" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The public download of an Anlage (<c>Pages/Public/Anlage</c>).</summary>
    public string AttachmentDownload(string motionId, int number) => Web(motionId) + "/anlagen/" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The citizens' page of a motion.</summary>
    public string Web(string motionId) => Base + "/antraege/" + motionId;
}
