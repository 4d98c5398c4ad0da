import { z } from 'zod';
import { Dataset } from '../schema/dataset';

/** The JSON Schema published for dataset authors, generated from the Zod schema. */
export function datasetJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Dataset, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://backstory.invalid/schema/dataset-v1.json',
    title: 'Backstory dataset',
    description:
      'A dataset of actors and events for the Backstory browser extension. Generated from lib/schema/dataset.ts; do not edit by hand.',
  };
}

export function datasetJsonSchemaText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}
