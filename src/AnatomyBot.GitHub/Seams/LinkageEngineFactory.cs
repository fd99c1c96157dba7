using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.GitHub.Seams;

/// <summary>Builds the linkage engine for one anatomy (Core's <c>LinkageEngine</c>).</summary>
public delegate ILinkageEngine LinkageEngineFactory(EnterpriseAnatomy anatomy);
