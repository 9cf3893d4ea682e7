import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A stand-in host: counts update requests, keeps its controllers. */
export function stubHost() {
  const controllers: ReactiveController[] = [];
  const h = {
    updates: 0,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => void h.updates++,
    updateComplete: Promise.resolve(true),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
  return h as typeof h & ReactiveControllerHost;
}
