// Flips once, on SIGTERM/SIGINT, so the load balancer stops sending new shoppers before the server closes.
export class Readiness {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  startDraining(): void {
    this.draining = true;
  }
}
