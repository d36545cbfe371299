import { Field, ObjectType } from 'type-graphql';
import type { GraphNode } from '../../store/values.js';
import { textOrNull } from '../common/strings.js';
import { Node } from './node.interface.js';

@ObjectType({
  implements: Node,
  description: 'A cited document: where a statistic or relationship comes from.',
})
export class Source extends Node {
  @Field(() => String, { description: 'Title as published.' })
  title!: string;

  @Field(() => String, { description: 'The outlet or organisation that published it.' })
  publisher!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Publication date (YYYY, YYYY-MM or YYYY-MM-DD) when known.',
  })
  published!: string | null;

  @Field(() => String, { description: 'Where the document can be read.' })
  url!: string;

  @Field(() => String, { description: 'Language of the document: en or es.' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'What the document covers, in our words.' })
  description!: string | null;

  static from(node: GraphNode): Source {
    const p = node.properties;
    return Object.assign(new Source(), {
      id: node.id,
      title: textOrNull(p.title) ?? node.id,
      publisher: textOrNull(p.publisher) ?? '',
      published: textOrNull(p.published),
      url: textOrNull(p.url) ?? '',
      language: textOrNull(p.language) ?? '',
      description: textOrNull(p.description),
    });
  }
}
