// The function file both manifests may name. SalesCoach's ribbon button opens the task pane
// (an openPage / ShowTaskpane action), so there is nothing to register yet beyond readiness.
const office = (globalThis as { Office?: { onReady(callback?: () => void): Promise<unknown> } }).Office;
void office?.onReady();
