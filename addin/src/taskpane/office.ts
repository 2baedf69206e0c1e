// The slice of Office.js the pane uses, as structural types: the real `Office` global, an
// office-addin-mock object in unit tests and the mailbox mock of the end-to-end test all fit.

export interface OfficeEmailAddress {
  displayName?: string;
  emailAddress?: string;
}

/** A message in read mode (Office.MessageRead): its properties are plain values there. */
export interface OfficeMessageItem {
  itemType?: string;
  itemId?: string;
  internetMessageId?: string;
  conversationId?: string;
  subject?: string;
  from?: OfficeEmailAddress;
  sender?: OfficeEmailAddress;
  to?: OfficeEmailAddress[];
  cc?: OfficeEmailAddress[];
  dateTimeCreated?: Date | string;
}

export interface OfficeMailbox {
  item?: OfficeMessageItem | null;
  userProfile?: { emailAddress?: string; displayName?: string };
  /** Mailbox 1.3: an EWS item id in REST (Microsoft Graph) form; absent where ids already are REST ids (Outlook mobile). */
  convertToRestId?: (itemId: string, restVersion: unknown) => string;
  addHandlerAsync?: (eventType: unknown, handler: () => void, callback?: (result: unknown) => void) => void;
}

export interface OfficeLike {
  context: {
    mailbox?: OfficeMailbox;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  EventType?: { ItemChanged?: unknown };
  MailboxEnums?: { RestVersion?: { v2_0?: unknown } };
}
