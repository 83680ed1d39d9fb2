import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors/domain-errors';
import { UrlBuilder } from '../common/http/url-builder';
import { CatalogPresenter } from './catalog.presenter';
import { CatalogReader } from './catalog.reader';
import type { CategoryDto, PagingCategoryDto, PagingSimplifiedAlbumDto } from './dto/catalog-objects.dto';
import { CategoryEntity } from './entities/reference.entity';
import { MARKETS } from './markets';

/** `es_MX`, then `es`, then the English name. */
export function localizedName(category: Pick<CategoryEntity, 'name' | 'localizedNames'>, locale?: string): string {
  if (!locale) return category.name;
  const names = category.localizedNames;
  return names[locale] ?? names[locale.split('_')[0]] ?? category.name;
}

@Injectable()
export class BrowseService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: CatalogReader,
    private readonly presenter: CatalogPresenter,
    private readonly urls: UrlBuilder,
  ) {}

  async newReleases(page: { limit: number; offset: number }): Promise<PagingSimplifiedAlbumDto> {
    const { rows, total } = await this.reader.newReleases(page.limit, page.offset);
    return this.urls.page(
      rows.map((r) => this.presenter.simplifiedAlbum(r, null)),
      { path: '/browse/new-releases', ...page, total },
    );
  }

  async categories(page: { limit: number; offset: number }, locale?: string): Promise<PagingCategoryDto> {
    const repo = this.db.getRepository(CategoryEntity);
    const [rows, total] = await repo.findAndCount({ order: { position: 'ASC', id: 'ASC' }, take: page.limit, skip: page.offset });
    return this.urls.page(
      rows.map((c) => this.category(c, locale)),
      { path: '/browse/categories', query: { locale }, ...page, total },
    );
  }

  async getCategory(id: string, locale?: string): Promise<CategoryDto> {
    const row = await this.db.getRepository(CategoryEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('Category not found');
    return this.category(row, locale);
  }

  markets(): string[] {
    return MARKETS.map(([code]) => code);
  }

  async genreSeeds(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM genres ORDER BY id`);
    return rows.map((r) => r.id);
  }

  private category(row: CategoryEntity, locale?: string): CategoryDto {
    return {
      href: this.urls.api(`/browse/categories/${row.id}`),
      icons: row.icons,
      id: row.id,
      name: localizedName(row, locale),
    };
  }
}
