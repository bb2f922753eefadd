/** The major version of the last `FROM node:<major>-…` in a Dockerfile's text, or null. */
export function nodeMajorOfDockerfile(text: string): number | null;
/** The major of a Node version, with or without its "v". */
export function majorOf(version: string): number;
/** The npm package with Node's own build for a platform and architecture, or null. */
export function nodePackageFor(platform: string, arch: string): string | null;
/** The production image's Node, or why there is none here. */
export function productionNode(
  root?: string,
): { bin: string; version: string; major: number; fetched: boolean } | { bin: null; major: number | null; reason: string };
