namespace XenConfig.Xm;

/// <summary>Which language a domain config file is written in.</summary>
public enum DomainConfigDialect
{
    /// <summary>Neither: not valid xl syntax and not valid Python 2 either.</summary>
    Unknown,

    /// <summary>Static xl.cfg syntax that libxlu accepts (which includes the plain-assignment subset of xm).</summary>
    Xl,

    /// <summary>Python 2 that needs the xm evaluator (xend's <c>xm create</c>).</summary>
    Xm,
}
