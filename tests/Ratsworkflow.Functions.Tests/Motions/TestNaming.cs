using System.Diagnostics.CodeAnalysis;

// Test names read Method_Scenario_Expectation; the underscores are the point, so CA1707 does not apply to them.
[assembly: SuppressMessage("Naming", "CA1707", Justification = "Test naming convention", Scope = "namespaceanddescendants", Target = "~N:Ratsworkflow.Functions.Tests.Motions")]
[assembly: SuppressMessage("Naming", "CA1707", Justification = "Test naming convention", Scope = "namespaceanddescendants", Target = "~N:Ratsworkflow.Functions.Tests.Organizations")]
[assembly: SuppressMessage("Naming", "CA1707", Justification = "Test naming convention", Scope = "namespaceanddescendants", Target = "~N:Ratsworkflow.Functions.Tests.Submission")]
[assembly: SuppressMessage("Naming", "CA1707", Justification = "Test naming convention", Scope = "namespaceanddescendants", Target = "~N:Ratsworkflow.Functions.Tests.Beirat")]
[assembly: SuppressMessage("Naming", "CA1707", Justification = "Test naming convention", Scope = "namespaceanddescendants", Target = "~N:Ratsworkflow.Functions.Tests.Consultations")]
