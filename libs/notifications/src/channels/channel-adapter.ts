/** What a channel gets to send: ids and the notification's text, nothing else about the user. */
export interface ChannelMessage {
  /** Stable per notification and channel: receivers can use it to drop a repeat after a retry. */
  deliveryId: string;
  userId: string;
  title: string;
  body: string;
  caseId: string | null;
}

/** One external channel (SMS, e-mail, webhook). `send` throws on failure; the caller counts attempts and retries. */
export interface ChannelAdapter {
  readonly channel: string;
  send(message: ChannelMessage): Promise<void>;
}
