import { Field, ObjectType } from 'type-graphql';
import { Direction, RelationshipTypeEnum } from '../common/enums.js';
import { Claim } from './claim.type.js';
import { ASSUMED_SIZE, listCost } from '../../limits/cost.js';
import { Entity } from '../entities/entity.interface.js';

@ObjectType({
  description:
    'A related entity with every claim that relates it: one row per (type, direction, entity), its sources in `claims`.',
})
export class Relation {
  @Field(() => RelationshipTypeEnum, { description: 'The type of relationship.' })
  type!: string;

  @Field(() => Direction, {
    description: 'OUT when the asking entity is the start of the relationship, IN when it is the end.',
  })
  direction!: Direction;

  @Field(() => Entity, { description: 'The entity at the other end.' })
  node!: Entity;

  @Field(() => [Claim], {
    description:
      'Each source that states this relationship, with its date and details: newest first, undated last.',
    complexity: listCost(ASSUMED_SIZE.claims),
  })
  claims!: Claim[];

  @Field(() => String, {
    nullable: true,
    description:
      'Why this relation is answered as it is when no claim speaks for the date asked (`members(asOf:)`, `excludedMembers`): the claims it rests on, or why it is left out. Null otherwise.',
  })
  note?: string | null;
}
