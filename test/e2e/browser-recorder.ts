// Records what every target of a browser does on the network and says on its console, through the
// DevTools protocol: pages, frames in other processes, dedicated workers and the extension's
// service worker, which Playwright's own events do not reach. New targets are held at their start
// until the recorder listens, so a worker's first request is not missed.
import WebSocket from 'ws';

export interface TargetInfo {
  type: string;
  url: string;
}

export interface RecordedRequest {
  url: string;
  /** The document it was made for (a worker's: its script). */
  document: string;
  /** The target that made it (its address kept up to date as it navigates). */
  target: TargetInfo;
}

export interface RecordedMessage {
  /** console.log and the like, an uncaught exception, or the browser's own log (CSP, network). */
  kind: 'console' | 'exception' | 'log';
  text: string;
  target: TargetInfo;
}

export interface BrowserRecorder {
  readonly requests: RecordedRequest[];
  readonly messages: RecordedMessage[];
  /** The targets attached so far, for a test to check that the ones it means to watch were. */
  readonly targets: TargetInfo[];
  /** Sends a command to the browser itself and resolves with its result. */
  command(method: string, params?: object): Promise<Record<string, unknown>>;
  close(): void;
}

interface CdpMessage {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
}

const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };

interface RemoteValue {
  type: string;
  value?: unknown;
  description?: string;
  preview?: { properties?: { name: string; value?: string }[] };
}

/** A console argument as text: its value, or its description and preview for objects. */
function argumentText(arg: RemoteValue): string {
  if (arg.value !== undefined)
    return typeof arg.value === 'string' ? arg.value : JSON.stringify(arg.value);
  const preview = arg.preview?.properties?.map((p) => `${p.name}: ${p.value ?? ''}`).join(', ');
  return [arg.description, preview].filter(Boolean).join(' ');
}

export async function recordBrowser(devtoolsUrl: string): Promise<BrowserRecorder> {
  const socket = new WebSocket(devtoolsUrl);
  await new Promise<void>((done, fail) => {
    socket.once('open', () => done());
    socket.once('error', fail);
  });
  let nextId = 0;
  const send = (method: string, params: object = {}, sessionId?: string) =>
    socket.send(JSON.stringify({ id: ++nextId, method, params, sessionId }));

  const waiting = new Map<number, (message: CdpMessage) => void>();
  const recorder: BrowserRecorder = {
    requests: [],
    messages: [],
    targets: [],
    command: (method, params = {}) =>
      new Promise((done, fail) => {
        waiting.set(nextId + 1, (answer) =>
          answer.error
            ? fail(new Error(`${method}: ${answer.error.message}`))
            : done(answer.result ?? {}),
        );
        send(method, params);
      }),
    close: () => socket.close(),
  };
  // By session, and by target id so a navigation updates the address in place.
  const targetOf = new Map<string, TargetInfo>();
  const byId = new Map<string, TargetInfo>();
  const seenRequests = new Set<string>();

  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as CdpMessage;
    if (message.id !== undefined && !message.sessionId) {
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
      return;
    }
    const params = message.params ?? {};
    if (message.method === 'Target.attachedToTarget') {
      const session = params.sessionId as string;
      const info = params.targetInfo as TargetInfo & { targetId: string };
      const target = byId.get(info.targetId) ?? { type: info.type, url: info.url };
      byId.set(info.targetId, target);
      targetOf.set(session, target);
      recorder.targets.push(target);
      send('Network.enable', {}, session);
      send('Runtime.enable', {}, session);
      send('Log.enable', {}, session);
      // Its own frames in other processes and its workers, held at their start in turn.
      send('Target.setAutoAttach', AUTO_ATTACH, session);
      send('Runtime.runIfWaitingForDebugger', {}, session);
      return;
    }
    const target = (message.sessionId && targetOf.get(message.sessionId)) || {
      type: 'browser',
      url: '',
    };
    switch (message.method) {
      case 'Target.targetInfoChanged':
      case 'Target.targetCreated': {
        const info = params.targetInfo as TargetInfo & { targetId: string };
        const known = byId.get(info.targetId);
        if (known) known.url = info.url;
        else byId.set(info.targetId, { type: info.type, url: info.url });
        break;
      }
      case 'Network.requestWillBeSent': {
        // A worker's requests reach every session attached to it (the browser's and a page's).
        const id = `${params.requestId as string} ${params.redirectResponse ? 'redirect' : ''}`;
        const key = `${id} ${(params.request as { url: string }).url}`;
        if (seenRequests.has(key)) break;
        seenRequests.add(key);
        const request = params.request as { url: string };
        const document = (params.documentURL as string | undefined) ?? target.url;
        recorder.requests.push({ url: request.url, document, target });
        break;
      }
      case 'Network.webSocketCreated':
        recorder.requests.push({ url: params.url as string, document: target.url, target });
        break;
      case 'Runtime.consoleAPICalled': {
        const args = (params.args as RemoteValue[]).map(argumentText);
        recorder.messages.push({ kind: 'console', text: args.join(' '), target });
        break;
      }
      case 'Runtime.exceptionThrown': {
        const details = params.exceptionDetails as {
          text: string;
          exception?: RemoteValue;
        };
        const text = [details.text, details.exception ? argumentText(details.exception) : '']
          .filter(Boolean)
          .join(' ');
        recorder.messages.push({ kind: 'exception', text, target });
        break;
      }
      case 'Log.entryAdded': {
        const entry = params.entry as { text: string; url?: string };
        recorder.messages.push({
          kind: 'log',
          text: [entry.text, entry.url].filter(Boolean).join(' '),
          target,
        });
        break;
      }
    }
  });
  // Every page and worker of the browser, those open now and those to come.
  send('Target.setDiscoverTargets', { discover: true });
  send('Target.setAutoAttach', AUTO_ATTACH);
  return recorder;
}
