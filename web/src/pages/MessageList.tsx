import { useTranslation } from "react-i18next";
import type { Schemas } from "../api/client";
import { formatDateTime } from "../format";

type Message = Schemas["MessageView"];

interface Props {
  messages: Message[];
  /** Who wrote it, as seen from this side ("you" to the reporter, "the reporter" to a handler). */
  authorLabel: (author: Message["author"]) => string;
  /** What to say when there are no messages yet. */
  empty: string;
}

/** The conversation between the reporter and the handler, oldest first: the same list on
 * the reporter's and the handler's side. */
export function MessageList({ messages, authorLabel, empty }: Props) {
  const { i18n } = useTranslation();
  if (messages.length === 0) return <p>{empty}</p>;
  return (
    <ol className="message-list">
      {messages.map((message) => (
        <li key={message.messageId} className={`message message--${message.author}`}>
          <p className="message__meta">
            <strong>{authorLabel(message.author)}</strong>,{" "}
            <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, i18n.language)}</time>
          </p>
          <p className="message__body">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}
