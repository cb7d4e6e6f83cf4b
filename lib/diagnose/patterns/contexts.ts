/**
 * Markers that a log was printed by a given tool, for patterns whose wording
 * is only decisive inside that tool's output (LogPattern.context). RE2 syntax,
 * matched per segment like the patterns, so linear in the input.
 */
export type PatternContext = "terraform";

export const PATTERN_CONTEXTS: Record<PatternContext, string> = {
  // Terraform/OpenTofu/Terragrunt: the boxed diagnostic (`│ Error:`), its
  // source and provider lines, 0.11-style `* provider.aws:` / `* aws_x.y:`
  // bullets, init/refresh phases and state files. A bare box character is not
  // enough: Rich tracebacks and other TUIs draw boxes too.
  terraform: String.raw`(?i)(?:^\s*│\s*(?:Error|Warning):|\bterraform\b|\bterragrunt\b|\bopentofu\b|registry\.(?:terraform|opentofu)\.io|with provider\[|\bon \S+\.tf(?:\.json)? line \d+|\bin provider "[a-z0-9_-]+"|^\s*\*\s+(?:provider\.[a-z0-9_]+|(?:module\.\S+\.)?(?:aws|azurerm|azuread|google|kubernetes|helm)_[a-z0-9_]+\.\S+):|Initializing (?:the backend|provider plugins|modules)|Error (?:refreshing|loading|locking) state|\btfstate\b|\.tfvars\b)`,
};
