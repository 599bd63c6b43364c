import { Dialog } from '../components/Dialog';
import { FieldForm } from '../components/FieldForm';
import { taskEntity } from '../lib/fields';
import { tasksApi } from './hooks';

/** Every writable task field from the registry: due and reminder times, priority, recurrence (RRULE), link. */
const writable = taskEntity.fields.filter((f) => !f.readOnly && f.name !== 'done');
const sections = [
  { title: 'Task', fields: ['title', 'due_at', 'remind_at', 'priority', 'recurrence'] },
  { title: 'About', fields: ['customer_id', 'linked_entity', 'linked_id', 'company_id', 'order_id'] },
];

export function NewTaskDialog({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  return (
    <Dialog open title="New task" onClose={onClose} size="lg">
      <FieldForm
        fields={writable}
        sections={sections}
        mode="create"
        idPrefix="task"
        submitLabel="Create task"
        onCancel={onClose}
        onSubmit={async (values) => {
          await tasksApi.create(values);
          onCreated();
          onClose();
        }}
      />
    </Dialog>
  );
}
