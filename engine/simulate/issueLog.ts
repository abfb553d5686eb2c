import type { SolutionIssue } from './solution.js';

/** Collects a run's issues, keeping the first few of each kind so a bad sweep sample stays cheap. */
export class IssueLog {
  readonly issues: SolutionIssue[] = [];
  private readonly counts = new Map<string, number>();

  constructor(private readonly perKind = 5) {}

  add(issue: SolutionIssue): void {
    const count = this.counts.get(issue.status) ?? 0;
    this.counts.set(issue.status, count + 1);
    if (count < this.perKind) this.issues.push(issue);
  }

  has(status: SolutionIssue['status']): boolean {
    return this.counts.has(status);
  }
}
