namespace XenConfig.Validation;

/// <summary>How far a repository validation is.</summary>
/// <param name="FilesRead">Files read and checked so far.</param>
/// <param name="FileCount">Files the walk found to check (VM definitions count one each, without their parts).</param>
public readonly record struct ValidationProgress(int FilesRead, int FileCount);
