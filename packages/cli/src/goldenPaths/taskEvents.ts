import { createParser, EventSourceMessage } from 'eventsource-parser';
import type { ScaffolderTaskOutput } from '@backstage/plugin-scaffolder-common';
import { PortalClient } from '../portal/PortalClient';

/** One event of a scaffolder task, as `GET /v2/tasks/:id/eventstream` sends it. */
export interface TaskEvent {
  id: number;
  type: 'log' | 'completion' | 'cancelled' | 'recovered';
  createdAt: string;
  isTaskRecoverable?: boolean;
  body: {
    message: string;
    stepId?: string;
    status?:
      | 'open'
      | 'processing'
      | 'completed'
      | 'failed'
      | 'skipped'
      | 'cancelled';
    output?: ScaffolderTaskOutput;
    error?: { name?: string; message: string };
  };
}

/**
 * A task's events from the scaffolder's event stream, in order, until the task completes
 * (successfully, failed or cancelled). A stream that drops mid-task is reopened after the last event seen, so nothing is
 * shown twice or lost.
 */
export async function* taskEvents(
  portal: PortalClient,
  taskId: string,
): AsyncGenerator<TaskEvent> {
  let after: number | undefined;
  for (;;) {
    const body = await portal.openEventStream(
      'scaffolder',
      `/v2/tasks/${encodeURIComponent(taskId)}/eventstream`,
      { after: after === undefined ? undefined : String(after) },
    );
    const received: TaskEvent[] = [];
    const parser = createParser({
      onEvent(message: EventSourceMessage) {
        if (message.data) received.push(JSON.parse(message.data));
      },
    });
    const decoder = new TextDecoder();
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      parser.feed(decoder.decode(chunk, { stream: true }));
      while (received.length > 0) {
        const event = received.shift()!;
        after = event.id;
        yield event;
        if (event.type === 'completion') {
          return;
        }
      }
    }
  }
}
